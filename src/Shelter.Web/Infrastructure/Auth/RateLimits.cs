using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Shelter.Web.Infrastructure.Auth;

/// <summary>Slows down password guessing from one address; the account lockout covers one account.</summary>
public static class RateLimits
{
    public const string SignIn = nameof(SignIn);

    public static IServiceCollection AddShelterRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("RateLimits:SignInPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
