using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shelter.Core.Audit;
using Shelter.Core.Data;
using Shelter.Core.Integrity;

namespace Shelter.Web.Infrastructure.Caching;

/// <summary>
/// A number that moves on whenever this process saves a change to what pages and reports show.
/// Whatever is kept from the database (<see cref="PageCache"/>, the reports' answers) remembers the
/// number it was read under and is not served once the number has moved. A change made by another
/// web node, or written around EF's SaveChanges (bulk updates, restores, hand SQL), is not seen
/// here: every keeper also has a maximum age.
/// </summary>
public sealed class DataChanges
{
    private const int WorkersRemembered = 10_000;

    private readonly ConcurrentDictionary<string, long> _lastChangeBy = new(StringComparer.Ordinal);
    private long _generation;
    private long _forgottenBelow;

    /// <summary>Read it before reading the database: a change committed meanwhile makes what was read stale at once.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>A change is committed; <paramref name="by"/> is the signed-in worker who made it, if any.</summary>
    public void Changed(string? by = null)
    {
        var generation = Interlocked.Increment(ref _generation);
        if (by is null) return;
        if (_lastChangeBy.Count >= WorkersRemembered)
        {
            // Forgotten workers are treated as having changed something just now: nobody is sent anything older.
            Interlocked.Exchange(ref _forgottenBelow, generation);
            _lastChangeBy.Clear();
        }
        _lastChangeBy[by] = generation;
    }

    /// <summary>
    /// Whether what was read under <paramref name="generation"/> already shows every change <paramref name="worker"/> made.
    /// </summary>
    public bool ShowsOwnChanges(string worker, long generation) =>
        generation >= (_lastChangeBy.TryGetValue(worker, out var hers) ? hers : Interlocked.Read(ref _forgottenBelow));
}

/// <summary>
/// Moves <see cref="DataChanges"/> on when a save touches anything but the audit trail's and the
/// outbox's own rows: when it is committed (at the save, or when the transaction around it commits).
/// </summary>
public sealed class DataChangeInterceptor(DataChanges changes, IHttpContextAccessor http)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Views are written all the time and show on no page; a form's key and an e-mail's state neither.
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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context, true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context, true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context, false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context, false);
        return Task.CompletedTask;
    }

    private void Note(DbContext? db)
    {
        if (db is null) return;
        var touchesData = db.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !Machinery.Contains(e.Metadata.ClrType));
        if (touchesData) _pending.AddOrUpdate(db, this);
    }

    /// <summary>
    /// A save in its own transaction is committed now. Inside a request's transaction nothing is visible to
    /// other connections before the commit, so the number moves once, then: a write invalidates pages once.
    /// </summary>
    private void Saved(DbContext? db)
    {
        if (db is null || db.Database.CurrentTransaction is not null || !_pending.TryGetValue(db, out _)) return;
        _pending.Remove(db);
        changes.Changed(Worker());
    }

    private string? Worker() => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    private void Ended(DbContext? db, bool committed)
    {
        if (db is null || !_pending.TryGetValue(db, out _)) return;
        _pending.Remove(db);
        if (committed) changes.Changed(Worker());
    }
}

public static class DataChangesSetup
{
    public static IServiceCollection AddDataChanges(this IServiceCollection services)
    {
        services.AddSingleton<DataChanges>();
        services.AddSingleton<DataChangeInterceptor>();
        services.ConfigureDbContext<ShelterDbContext>((sp, options) =>
            options.AddInterceptors(sp.GetRequiredService<DataChangeInterceptor>()));
        return services;
    }
}
