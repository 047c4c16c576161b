using System.Threading.RateLimiting;

namespace Shelter.Web.Infrastructure.Auth;

/// <summary>
/// Slows down password guessing: per client address (after the proxy's forwarded headers) and
/// per account, so guesses spread over many addresses still slow down on one account. The
/// account lockout then covers wrong passwords themselves.
/// </summary>
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
        services.AddSingleton(new SignInAttemptsPerAccount(config.GetValue("RateLimits:SignInPerAccountPerMinute", 10)));
        return services;
    }
}

/// <summary>Sign-in attempts on one account, whatever address they come from.</summary>
public sealed class SignInAttemptsPerAccount(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public bool TryAttempt(string? email)
    {
        using var lease = _limiter.AttemptAcquire((email ?? "").Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
