using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

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
    public static IServiceCollection AddShelterJobs(this IServiceCollection services, IConfiguration config)
    {
        // Per-host storage and activator: AddHangfire would otherwise share process-wide
        // statics, and several test hosts would run each other's jobs.
        // SQLite: in memory, rebuilt from the database at start. PostgreSQL: one storage shared by
        // every node, so a recurring job runs once per period and queued work survives any node.
        if (Data.DatabaseProvider.From(config).IsPostgres)
            services.AddSingleton<JobStorage>(_ => SharedStorage(Data.DatabaseProvider.PostgresConnectionString(config)));
        else
            services.AddSingleton<JobStorage>(_ => new InMemoryStorage());
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer((sp, o) =>
        {
            o.WorkerCount = 2;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        services.AddHostedService<ScheduleRebuilder>();
        return services;
    }

    private static PostgreSqlStorage SharedStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(1), // the outbox and hold releases wait on it
            EnableLongPolling = true,
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}

/// <summary>Runs every <see cref="IScheduleSource"/> once the host has started.</summary>
public sealed class ScheduleRebuilder(IServiceScopeFactory scopes, IRecurringJobManager recurring, IBackgroundJobClient jobs,
    ILogger<ScheduleRebuilder> log)
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

/// <summary>
/// Hangfire keeps its log provider in a process-wide static; when one host of several in a process
/// (the tests) stops, its logger factory is disposed under the others. A logger asked for then is
/// silent instead of failing the next host's start.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory factory) : Hangfire.Logging.ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public Hangfire.Logging.ILog GetLogger(string name)
    {
        try { return _inner.GetLogger(name); }
        catch (ObjectDisposedException) { return Silent.Instance; }
    }

    private sealed class Silent : Hangfire.Logging.ILog
    {
        public static readonly Silent Instance = new();
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
