using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Shelter.Web.Infrastructure;

/// <summary>
/// Behind a TLS-terminating proxy the scheme and the client's address come from its
/// X-Forwarded-Proto and X-Forwarded-For headers, believed only from the proxies configured
/// (loopback by default). The rate limiter and the audit log then see the client, not the proxy.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddShelterReverseProxy(this IServiceCollection services, IConfiguration config)
    {
        var proxies = List(config, "Proxy:KnownProxies").Select(Address).ToList();
        var networks = List(config, "Proxy:KnownNetworks").Select(Network).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy hop: the address nginx appends is the one that cannot be forged by the client.
            o.ForwardLimit = 1;
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>A comma-separated value (Proxy__KnownProxies=10.0.0.5,10.0.0.6) or a JSON array.</summary>
    private static IEnumerable<string> List(IConfiguration config, string key)
    {
        var items = config.GetSection(key).GetChildren().Select(c => c.Value).ToList();
        items.Add(config[key]);
        return items.Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static IPAddress Address(string value) => IPAddress.TryParse(value, out var ip)
        ? ip : throw new InvalidOperationException($"Proxy:KnownProxies: \"{value}\" is not an IP address.");

    private static System.Net.IPNetwork Network(string value) => System.Net.IPNetwork.TryParse(value, out var net)
        ? net : throw new InvalidOperationException($"Proxy:KnownNetworks: \"{value}\" is not a network like 10.0.0.0/8.");
}
