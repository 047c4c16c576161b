using Microsoft.AspNetCore.Authentication;
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

        // Between the password and the code: the same cookie rules, and five minutes to type it.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = insecure ? "Shelter.TwoFactor" : "__Host-Shelter.TwoFactor";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = insecure ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = insecure ? "Shelter.Session" : "__Host-Shelter.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = insecure ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = ctx =>
            {
                // Stamp the session's start once, so sliding renewals cannot stretch it past 12 hours;
                // a refresh of the cookie inside a session (new password, second factor) keeps it.
                if (ctx.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SessionStartedClaim))
                    identity.AddClaim(new System.Security.Claims.Claim(SessionStartedClaim,
                        ctx.HttpContext.User.FindFirst(SessionStartedClaim)?.Value
                        ?? ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds().ToString()));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async ctx =>
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
            };
            // A forbidden page answers 403 in place instead of bouncing through a redirect.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = insecure ? "Shelter.Antiforgery" : "__Host-Shelter.Antiforgery";
            o.Cookie.SecurePolicy = insecure ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });

        // Notices after a redirect ride in a cookie: the same rules as the session's.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = insecure ? "Shelter.Notice" : "__Host-Shelter.Notice";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = insecure ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.Path = "/";
        });

        services.AddAuthorization(Policies.Configure);
        return services;
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
