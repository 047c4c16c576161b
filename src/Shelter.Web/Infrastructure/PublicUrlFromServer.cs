using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Shelter.Web.Infrastructure;

/// <summary>
/// Without <c>Shelter:PublicUrl</c>, email links use the address the server listens on, read when a
/// link is made (the server's addresses are known only once it has started).
/// </summary>
public sealed class PublicUrlFromServer(IServiceProvider services) : IPostConfigureOptions<ShelterLinks>
{
    public void PostConfigure(string? name, ShelterLinks options) => options.ServedAt = () => ServedAt(services);

    public static string? ServedAt(IServiceProvider services)
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return null;
        // A wildcard binding is no address to click: name the machine instead.
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
            if (address.Contains(wildcard)) return address.Replace(wildcard, "://" + Environment.MachineName.ToLowerInvariant());
        return address;
    }
}

public static class ShelterLinksSetup
{
    public static IServiceCollection AddShelterLinks(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ShelterLinks>(config.GetSection("Shelter"));
        services.AddSingleton<IPostConfigureOptions<ShelterLinks>, PublicUrlFromServer>();
        return services;
    }

    /// <summary>In production an unset public address is worth a warning: behind a proxy the links would point past it.</summary>
    public static void WarnIfUnset(WebApplication app)
    {
        var links = app.Services.GetRequiredService<IOptions<ShelterLinks>>().Value;
        if (links.IsConfigured || !app.Environment.IsProduction()) return;
        app.Logger.LogWarning("Shelter__PublicUrl is not set: links in emails use {Address}, the address this server listens on. " +
            "Behind a reverse proxy set Shelter__PublicUrl to the address staff open (for example https://shelter.example.org).",
                links.PublicUrl);
    }
}
