using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Shelter.Core.Accounts;
using Shelter.Core.Audit;
using Shelter.Core.Integrity;

namespace Shelter.Web.Infrastructure.Audit;

/// <summary>
/// Audit by construction: every record a save creates, changes or deletes gets an audit row in
/// the same transaction (who, what, which id, which fields — names, never values), and every
/// versioned record's version moves on, so the second of two racing changes fails. Handlers write
/// no audit calls of their own for changes; only sign-ins, exports and account changes (roles and
/// sites before and after) are recorded by <see cref="AuditLog"/> by hand.
/// </summary>
public sealed class ChangeAudit(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    // Rows that are the audit trail's own machinery, account internals (recorded as account
    // events instead), or must not be traceable to a moment and an author (the barrier log).
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditEvent), typeof(FormSubmission), typeof(OutboxMessage), typeof(Core.Notices.SentNotice),
        typeof(Core.Medication.ContinuitySnapshot), typeof(Core.Partners.BarrierRecord), typeof(ShelterUser), typeof(StaffSite),
    ];

    /// <summary>Off only while seeding invented demo or benchmark data.</summary>
    public bool Off { get; set; }

    private List<(EntityEntry Entry, string Action, string? Fields)>? _pending;
    private IDbContextTransaction? _ownTransaction;
    private bool _writingAudit;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is not { } db || _writingAudit || Off) return result;
        var pending = new List<(EntityEntry, string, string?)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
                versioned.Version = (int)entry.Property(nameof(IVersioned.Version)).OriginalValue! + 1;
            if (!Audited(entry.Metadata.ClrType)) continue;
            switch (entry.State)
            {
                case EntityState.Added: pending.Add((entry, AuditActions.Created, null)); break;
                case EntityState.Deleted: pending.Add((entry, AuditActions.Deleted, null)); break;
                case EntityState.Modified:
                    var fields = entry.Properties.Where(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version))
                        .Select(p => p.Metadata.Name).ToList();
                    if (fields.Count > 0) pending.Add((entry, AuditActions.Changed, string.Join(",", fields)));
                    break;
            }
        }
        if (pending.Count == 0) return result;
        _pending = pending;
        // The change and its audit rows commit together or not at all.
        if (db.Database.CurrentTransaction is null) _ownTransaction = await db.Database.BeginTransactionAsync(ct);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken ct = default)
    {
        if (eventData.Context is not { } db || _pending is not { } pending) return result;
        _pending = null;
        var ctx = http.HttpContext;
        var user = ctx?.User;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (entry, action, fields) in pending)
        {
            db.Set<AuditEvent>().Add(new AuditEvent
            {
                At = now,
                UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
                Role = user?.Identity?.IsAuthenticated == true
                    ? string.Join(",", user.FindAll(ClaimTypes.Role).Select(c => c.Value)) : "system",
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Ip = ctx?.Connection.RemoteIpAddress?.ToString(),
                Details = fields,
            });
        }
        _writingAudit = true;
        try
        {
            await db.SaveChangesAsync(ct);
            if (_ownTransaction is { } tx) await tx.CommitAsync(ct);
        }
        finally
        {
            _writingAudit = false;
            await DisposeOwnTransactionAsync();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        if (_writingAudit) return;
        _pending = null;
        await DisposeOwnTransactionAsync(); // rolls back
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("Save asynchronously: the audit trail is written with SaveChangesAsync.");

    private async Task DisposeOwnTransactionAsync()
    {
        if (_ownTransaction is { } tx) await tx.DisposeAsync();
        _ownTransaction = null;
    }

    // Identity's own rows (roles, claims, tokens) live in Microsoft.* namespaces: account changes are recorded as account events.
    private static bool Audited(Type type) => !NotAudited.Contains(type)
        && type.Namespace?.StartsWith("Microsoft.", StringComparison.Ordinal) != true;

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? null : string.Join("/", key.Properties.Select(p => entry.Property(p.Name).CurrentValue));
    }
}
