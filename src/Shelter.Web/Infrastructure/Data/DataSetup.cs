using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure.Caching;

namespace Shelter.Web.Infrastructure.Data;

public static class DataSetup
{
    public static IServiceCollection AddShelterData(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<ShelterPaths>();
        services.AddSingleton<IColumnProtector, DataProtectionColumnProtector>();
        services.AddScoped<Audit.ChangeAudit>();
        services.AddScoped<Integrity.OutboxNudge>();
        services.AddSingleton<ResidentSiteTracker>();
        services.AddScoped<Integrity.Outbox>();
        services.AddScoped<Integrity.OutboxDelivery>();
        services.AddScoped<Jobs.IScheduleSource>(sp => sp.GetRequiredService<Integrity.OutboxDelivery>());
        var provider = DatabaseProvider.From(config);
        if (provider == DatabaseProvider.Postgres) PostgresTimestamps.UseUtcWallClock();
        services.AddSingleton(provider);
        services.AddSingleton(new SqliteConnectionSetup(Math.Clamp(config.GetValue("Database:SqliteCacheMegabytes", 8), 1, 1024),
            Math.Clamp(config.GetValue("Database:SqliteMmapMegabytes", 0), 0, 65_536),
            Math.Clamp(config.GetValue("Database:SqliteMemoryMegabytes", 64), 1, 65_536)));
        services.AddDbContext<ShelterDbContext>((sp, options) => provider.Use(options, sp.GetRequiredService<ShelterPaths>(), config)
            .AddInterceptors(sp.GetRequiredService<Audit.ChangeAudit>(), sp.GetRequiredService<Integrity.OutboxNudge>(),
                sp.GetRequiredService<ResidentSiteTracker>(), sp.GetRequiredService<SqliteConnectionSetup>())
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ProtectorModelCacheKeyFactory>());

        services.AddDataChanges();
        services.AddShelterKeyRing(config);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>
    /// Applies migrations and, on SQLite, turns on write-ahead logging so readers never wait for a writer. An existing
    /// database with nothing to apply is left alone: Migrate would also compare the model with the last migration at
    /// every start (a fifth of a start's CPU); <c>DatabaseTests.Migrations_cover_the_model_on_both_providers</c> makes
    /// that comparison once, in the tests, where a forgotten migration belongs.
    /// </summary>
    public static async Task MigrateAsync(this ShelterDbContext db)
    {
        if (!await db.Database.CanConnectAsync() || (await db.Database.GetPendingMigrationsAsync()).Any())
            await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}

public sealed class DatabaseHealthCheck(ShelterDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SqliteException or System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unavailable");
        }
    }
}

/// <summary>Column encryption keyed by the data-protection key ring under the data folder.</summary>
public sealed class DataProtectionColumnProtector(IDataProtectionProvider provider) : IColumnProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Shelter.Columns.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);
    public string Unprotect(string ciphertext) => _protector.Unprotect(ciphertext);
}
