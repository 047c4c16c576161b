using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;

namespace Shelter.Web.Infrastructure.Jobs;

/// <summary>
/// A source of scheduled work that lives in the shelter's database. At start-up every
/// source re-registers its recurring jobs and re-enqueues what is pending, so a restart
/// of the in-memory Hangfire storage loses nothing.
/// </summary>
public interface IScheduleSource
{
    Task RebuildAsync(IRecurringJobManager recurring, IBackgroundJobClient jobs, CancellationToken ct);
}

public static class JobsSetup
{
    public static IServiceCollection AddShelterJobs(this IServiceCollection services)
    {
        // Per-host storage and activator: AddHangfire would otherwise share process-wide
        // statics, and several test hosts would run each other's jobs.
        services.AddSingleton<JobStorage>(_ => new InMemoryStorage());
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((sp, o) =>
        {
            o.WorkerCount = 2;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        services.AddHostedService<ScheduleRebuilder>();
        return services;
    }
}

/// <summary>Runs every <see cref="IScheduleSource"/> once the host has started.</summary>
public sealed class ScheduleRebuilder(IServiceScopeFactory scopes, IRecurringJobManager recurring, IBackgroundJobClient jobs, ILogger<ScheduleRebuilder> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var sources = scope.ServiceProvider.GetServices<IScheduleSource>().ToList();
        foreach (var source in sources)
            await source.RebuildAsync(recurring, jobs, stoppingToken);
        log.LogInformation("Schedule rebuilt from the database ({Sources} sources)", sources.Count);
    }
}
