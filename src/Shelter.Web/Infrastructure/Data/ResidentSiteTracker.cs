using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shelter.Core.Data;
using Shelter.Core.Residents;
using Shelter.Core.Stays;

namespace Shelter.Web.Infrastructure.Data;

/// <summary>
/// Keeps <see cref="Resident.CurrentSiteId"/> (who reaches her, <see cref="Auth.SiteScope"/>) with her
/// stays: a save that adds her own stay (check-in, a move, an intake that places her, a seeder)
/// sets her current site to that bed's site in the same save, unless she already has a later stay.
/// Runs after <see cref="Audit.ChangeAudit"/>, so the derived column writes no audit row of its own.
/// Rows written with raw SQL are not seen here: whoever writes them runs <see cref="BackfillSql"/>.
/// </summary>
public sealed class ResidentSiteTracker : SaveChangesInterceptor
{
    /// <summary>Sets every woman's current site from her latest own stay (ordered by start, then id).</summary>
    public const string BackfillSql = """
        UPDATE "Residents" SET "CurrentSiteId" = (
            SELECT r."SiteId" FROM "Stays" s
            JOIN "Beds" b ON b."Id" = s."BedId" JOIN "Rooms" r ON r."Id" = b."RoomId"
            WHERE s."ResidentId" = "Residents"."Id" AND s."ChildId" IS NULL
            ORDER BY s."StartedAt" DESC, s."Id" DESC LIMIT 1)
        """;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ShelterDbContext db) await TrackAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ShelterDbContext db) TrackAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private static async Task TrackAsync(ShelterDbContext db, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<Stay>()
            .Where(e => e.State == EntityState.Added && e.Entity.ChildId is null && e.Entity.Child is null)
            .Select(e => e.Entity).ToList();
        if (added.Count == 0) return;

        // Her latest new stay in this save, per woman.
        var latest = new Dictionary<Resident, Stay>(ReferenceEqualityComparer.Instance);
        foreach (var stay in added)
        {
            var resident = stay.Resident ?? await db.Residents.FindAsync([stay.ResidentId], ct);
            if (resident is null) continue;
            if (!latest.TryGetValue(resident, out var seen) || stay.StartedAt >= seen.StartedAt) latest[resident] = stay;
        }

        var sites = await SitesOfAsync(db, latest.Values, ct);
        var later = await LaterStaysAsync(db, latest, ct);
        foreach (var (resident, stay) in latest)
        {
            if (!sites.TryGetValue(stay.BedId, out var site) || later.Contains(resident.Id)) continue;
            var entry = db.Entry(resident).Property(r => r.CurrentSiteId);
            if (entry.CurrentValue != site) entry.CurrentValue = site;
        }
    }

    /// <summary>The site of each bed the new stays are in (beds already saved; a bed new in this save is left to the backfill).</summary>
    private static async Task<Dictionary<int, int>> SitesOfAsync(ShelterDbContext db, IEnumerable<Stay> stays, CancellationToken ct)
    {
        var bedIds = stays.Select(s => s.BedId).Where(id => id > 0).Distinct().ToList();
        return await db.Beds.Where(b => bedIds.Contains(b.Id)).Select(b => new { b.Id, b.Room.SiteId })
            .ToDictionaryAsync(b => b.Id, b => b.SiteId, ct);
    }

    /// <summary>Women already saved whose stays include one that started after the new one (history written late).</summary>
    private static async Task<HashSet<int>> LaterStaysAsync(ShelterDbContext db, Dictionary<Resident, Stay> latest, CancellationToken ct)
    {
        var saved = latest.Where(p => db.Entry(p.Key).State != EntityState.Added).ToDictionary(p => p.Key.Id, p => p.Value.StartedAt);
        if (saved.Count == 0) return [];
        var ids = saved.Keys.ToList();
        var existing = await db.Stays.Where(s => ids.Contains(s.ResidentId) && s.ChildId == null)
            .GroupBy(s => s.ResidentId).Select(g => new { g.Key, Latest = g.Max(s => s.StartedAt) }).ToListAsync(ct);
        return existing.Where(e => e.Latest > saved[e.Key]).Select(e => e.Key).ToHashSet();
    }
}
