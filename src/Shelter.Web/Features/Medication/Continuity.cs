using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Medication;
using Shelter.Core.Sites;

namespace Shelter.Web.Features.Medication;

public sealed record ProgrammeStatus(MedicationProgramme Programme, int ResidentId, string Alias, string? DispensingSite, DateOnly Today, ContinuityResult Result, bool InHouse);

/// <summary>
/// Every active medication programme with its continuity status today, judged on the local day
/// of the site she sleeps at. One place for the continuity page, the sweep, the dashboard and
/// the resident page. Programmes are few; their encrypted columns are read in memory.
/// </summary>
public sealed class Continuity(ShelterDbContext db, TimeProvider clock, Shared.SiteClock siteClock)
{
    public async Task<IReadOnlyList<ProgrammeStatus>> LoadAsync(int? residentId = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var programmes = await db.MedicationProgrammes.AsNoTracking()
            .Where(m => m.EndedAt == null && (residentId == null || m.ResidentId == residentId))
            .ToListAsync(ct);
        if (programmes.Count == 0) return [];
        var residentIds = programmes.Select(p => p.ResidentId).Distinct().ToList();
        var residents = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.Alias,
                Zone = db.Stays.Where(s => s.ResidentId == r.Id && s.ChildId == null && s.EndedAt == null).Select(s => s.Bed.Room.Site.TimeZoneId).FirstOrDefault(),
            })
            .ToDictionaryAsync(r => r.Id, ct);
        var siteIds = programmes.Where(p => p.DispensingSiteId != null).Select(p => p.DispensingSiteId!.Value).Distinct().ToList();
        var sites = await db.Partners.AsNoTracking().Where(p => siteIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        // A woman not housed yet keeps the network's clock.
        var networkZone = (await siteClock.NetworkHoursAsync(ct)).TimeZoneId;
        var earliest = DateOnly.FromDateTime(now).AddDays(-2);
        var closures = await db.DispensingSiteClosures.AsNoTracking()
            .Where(c => siteIds.Contains(c.PartnerId) && (c.To == null || c.To >= earliest)).ToListAsync(ct);

        return programmes.Select(p =>
        {
            var resident = residents[p.ResidentId];
            var today = SiteTime.Today(resident.Zone ?? networkZone, now);
            var result = ContinuityCheck.Check(p, today, closures.Where(c => c.PartnerId == p.DispensingSiteId));
            return new ProgrammeStatus(p, p.ResidentId, resident.Alias, p.DispensingSiteId is int s ? sites.GetValueOrDefault(s) : null, today, result, resident.Zone is not null);
        })
        .OrderByDescending(s => s.Result.Status).ThenBy(s => s.Alias, StringComparer.OrdinalIgnoreCase)
        .ToList();
    }
}
