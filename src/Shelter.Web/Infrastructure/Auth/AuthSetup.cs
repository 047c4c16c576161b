using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Shelter.Core.Accounts;
using Shelter.Core.Data;

namespace Shelter.Web.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>A signed-in session ends after 12 hours whatever the activity.</summary>
    public static readonly TimeSpan AbsoluteSessionLimit = TimeSpan.FromHours(12);
    public const string SessionStartedClaim = "shelter:session_started";

    public static IServiceCollection AddShelterAccounts(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        // Secure, __Host- prefixed cookies everywhere but development (and tests that speak plain HTTP to Kestrel).
        var insecure = env.IsDevelopment() || config.GetValue("Security:AllowInsecureCookies", false);
        AddIdentity(services);

        // Between the password and the code: the same cookie rules, and five minutes to type it.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            ShelterCookie(o.Cookie, "TwoFactor", insecure);
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        services.ConfigureApplicationCookie(o => SessionCookie(o, insecure));
        services.AddAntiforgery(o => ShelterCookie(o.Cookie, "Antiforgery", insecure, rootPath: false));
        // Notices after a redirect ride in a cookie: the same rules as the session's.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => ShelterCookie(o.Cookie, "Notice", insecure));

        services.AddAuthorization(Policies.Configure);
        return services;
    }

    /// <summary>
    /// Every cookie of Shelter's: HTTP-only, same-site strict, Secure and __Host- prefixed unless
    /// <paramref name="insecure"/> (then named plainly and sent over HTTP too), on the root path.
    /// </summary>
    private static void ShelterCookie(CookieBuilder cookie, string name, bool insecure, bool rootPath = true)
    {
        cookie.Name = insecure ? "Shelter." + name : "__Host-Shelter." + name;
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.SecurePolicy = insecure ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        if (rootPath) cookie.Path = "/";
    }

    private static void AddIdentity(IServiceCollection services) =>
        services.AddIdentity<ShelterUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ShelterDbContext>()
            .AddUserStore<ShelterUserStore>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator check with one that accepts each code once.
            .AddTokenProvider<OnceOnlyAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<ShelterClaimsFactory>();

    private static void SessionCookie(CookieAuthenticationOptions o, bool insecure)
    {
        o.LoginPath = "/Account/Login";
        o.LogoutPath = "/Account/Logout";
        o.AccessDeniedPath = "/Account/AccessDenied";
        ShelterCookie(o.Cookie, "Session", insecure);
        o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
        o.SlidingExpiration = true;
        o.Events.OnSigningIn = StampSessionStart;
        o.Events.OnValidatePrincipal = ValidateSessionAsync;
        // A forbidden page answers 403 in place instead of bouncing through a redirect.
        o.Events.OnRedirectToAccessDenied = ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// Stamps the session's start once, so sliding renewals cannot stretch it past 12 hours;
    /// a refresh of the cookie inside a session (new password, second factor) keeps it.
    /// </summary>
    private static Task StampSessionStart(CookieSigningInContext ctx)
    {
        if (ctx.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SessionStartedClaim))
            identity.AddClaim(new Claim(SessionStartedClaim,
                ctx.HttpContext.User.FindFirst(SessionStartedClaim)?.Value
                ?? ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds().ToString()));
        return Task.CompletedTask;
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext ctx)
    {
        var started = ctx.Principal?.FindFirst(SessionStartedClaim)?.Value;
        var clock = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (started is null || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(long.Parse(started)) > AbsoluteSessionLimit)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SessionStamp.ValidateAsync(ctx);
    }

    /// <summary>Creates the five roles if they are missing; safe to run at every start.</summary>
    public static async Task EnsureRolesAsync(this RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }
}
