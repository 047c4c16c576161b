using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shelter.Core.Audit;
using Shelter.Core.Data;
using Shelter.Core.Integrity;

namespace Shelter.Web.Features.Reports;

/// <summary>
/// Answers a report already computed for the same period (and language) instead of asking the
/// database again. The guarantee: a change saved through this process (a check-out that ends an
/// old stay, new terms, a bed out of service, a site or room added, an intake, a sweep…) drops
/// every answer when it is saved and again when its transaction commits, so the next request
/// computes afresh; a change made by another web node, or written around EF's SaveChanges
/// (bulk updates, restores, hand SQL), shows up within <see cref="MaxAge"/>, because no answer is
/// served older than that. At most <see cref="MaxEntries"/> answers are kept.
/// </summary>
public sealed class ReportCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);
    public const int MaxEntries = 32;

    private sealed record Entry(long Generation, long At, object Value);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Something the reports read has changed: no answer computed before now is served again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>The cached answer for <paramref name="key"/>, or the one <paramref name="compute"/> gives (then kept).</summary>
    public async Task<T> GetOrComputeAsync<T>(string key, Func<Task<T>> compute) where T : class
    {
        if (TryGet<T>(key) is { } cached) return cached;
        // Read the generation before the database: a change committed meanwhile makes this answer stale at once.
        var generation = Interlocked.Read(ref _generation);
        var value = await compute();
        Keep(key, generation, value);
        return value;
    }

    public T? TryGet<T>(string key) where T : class =>
        _entries.TryGetValue(key, out var e) && e.Generation == Interlocked.Read(ref _generation)
        && Environment.TickCount64 - e.At < (long)MaxAge.TotalMilliseconds
            ? e.Value as T
            : null;

    /// <summary>The generation to pass to <see cref="Keep"/> for an answer about to be read from the database.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void Keep(string key, long generation, object value)
    {
        if (generation != Interlocked.Read(ref _generation)) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[key] = new Entry(generation, Environment.TickCount64, value);
    }
}

/// <summary>
/// Tells <see cref="ReportCache"/> when a save touches anything but the audit trail's and the
/// outbox's own rows: at the save, and again when the transaction around it commits (a report
/// computed in between read the old rows and must not be served).
/// </summary>
public sealed class ReportInvalidation(ReportCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> Machinery =
        [typeof(AuditEvent), typeof(FormSubmission), typeof(OutboxMessage), typeof(Core.Notices.SentNotice)];

    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? db)
    {
        if (db is null) return;
        var touchesData = db.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !Machinery.Contains(e.Metadata.ClrType));
        if (touchesData) _pending.AddOrUpdate(db, this);
    }

    private void Saved(DbContext? db)
    {
        if (db is null || !_pending.TryGetValue(db, out _)) return;
        cache.Invalidate();
        if (db.Database.CurrentTransaction is null) _pending.Remove(db);
    }

    private void Ended(DbContext? db)
    {
        if (db is null || !_pending.TryGetValue(db, out _)) return;
        _pending.Remove(db);
        cache.Invalidate();
    }
}

public static class ReportCacheSetup
{
    public static IServiceCollection AddReportCache(this IServiceCollection services)
    {
        services.AddScoped<ReportAnswers>();
        services.AddSingleton<ReportCache>();
        services.AddSingleton<ReportInvalidation>();
        services.ConfigureDbContext<ShelterDbContext>((sp, options) =>
            options.AddInterceptors(sp.GetRequiredService<ReportInvalidation>()));
        return services;
    }
}
