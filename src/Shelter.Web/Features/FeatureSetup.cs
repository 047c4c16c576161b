using Shelter.Web.Features.Account;
using Shelter.Web.Features.Admin;
using Shelter.Web.Features.Home;

namespace Shelter.Web.Features;

public static class FeatureSetup
{
    /// <summary>Registers each use case's handler; controllers take them by injection.</summary>
    public static IServiceCollection AddShelterFeatures(this IServiceCollection services)
    {
        services.AddScoped<Login>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<Dashboard>();
        services.AddScoped<ListUsers>();
        services.AddScoped<CreateUser>();
        services.AddScoped<EditUser>();
        services.AddScoped<Shelter.Web.Infrastructure.Demo.DemoSeeder>();
        return services;
    }
}
