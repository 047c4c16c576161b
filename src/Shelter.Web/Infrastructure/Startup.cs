using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Data;
using Shelter.Web.Infrastructure.Demo;

namespace Shelter.Web.Infrastructure;

public static class Startup
{
    /// <summary>Migrates the database, makes sure the roles exist and, in demo mode, seeds once.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ShelterDbContext>();
        await db.MigrateAsync();
        await sp.GetRequiredService<RoleManager<IdentityRole>>().EnsureRolesAsync();
        if (DemoSeeder.IsDemoMode(app.Configuration))
            await sp.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    /// <summary>
    /// On PostgreSQL the key ring is a table: migrate before the key ring is first read (the
    /// migrations need no keys). On SQLite the key ring is a folder and nothing happens here.
    /// </summary>
    public static async Task MigrateKeyRingStoreAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<DatabaseProvider>().IsPostgres) return;
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ShelterDbContext>().MigrateAsync();
    }

    /// <summary>Pages shown to a signed-in person are never kept by the browser or a proxy.</summary>
    public static IApplicationBuilder UseNoStoreForSignedIn(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            if (ctx.User.Identity?.IsAuthenticated == true || ctx.Request.Path.StartsWithSegments("/Account"))
            {
                ctx.Response.Headers.CacheControl = "no-store";
                ctx.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next();
    });

    public static IApplicationBuilder UseShelterSecurityHeaders(this WebApplication app)
    {
        var isDev = app.Environment.IsDevelopment();
        return app.UseSecurityHeaders(policies =>
        {
            policies.AddDefaultSecurityHeaders()
                .AddFrameOptionsDeny()
                .AddContentTypeOptionsNoSniff()
                .AddReferrerPolicyNoReferrer()
                .AddContentSecurityPolicy(csp =>
                {
                    csp.AddDefaultSrc().Self();
                    csp.AddScriptSrc().Self();
                    csp.AddStyleSrc().Self();
                    csp.AddImgSrc().Self().Data();
                    csp.AddFontSrc().Self();
                    csp.AddConnectSrc().Self();
                    csp.AddFormAction().Self();
                    csp.AddFrameAncestors().None();
                    csp.AddObjectSrc().None();
                    csp.AddBaseUri().Self();
                })
                .AddPermissionsPolicy(pp =>
                {
                    pp.AddGeolocation().None();
                    pp.AddCamera().None();
                    pp.AddMicrophone().None();
                });
            if (!isDev) policies.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 3600);
        });
    }
}

public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("Shelter is running.");
        foreach (var address in addresses) Console.WriteLine($"  Open {address}");
        if (DemoSeeder.IsDemoMode(app.Configuration))
        {
            Console.WriteLine($"  Demo logins (password for all: {DemoSeeder.DemoPassword}):");
            foreach (var (email, role) in DemoSeeder.DemoAccounts) Console.WriteLine($"    {email,-28} {role}");
            Console.WriteLine("  Managers and administrators also enter a code from an authenticator app with these demo keys");
            Console.WriteLine("  (or print the current code with ./run.sh demo-code EMAIL):");
            foreach (var (email, key) in DemoSeeder.DemoAuthenticatorKeys) Console.WriteLine($"    {email,-28} {key}");
        }
        Console.WriteLine("  Press Ctrl+C to stop.");
        Console.WriteLine();
    }
}
