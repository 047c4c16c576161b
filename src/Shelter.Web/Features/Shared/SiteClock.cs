using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.FollowUps;
using Shelter.Core.Sites;

namespace Shelter.Web.Features.Shared;

/// <summary>
/// Whose clock a thing runs on. A resident's is the site she sleeps at (else where she last
/// stayed); a worker's is her first site's; a woman not housed yet, or a network with no
/// sites, runs on the network's first site (or a new site's default).
/// </summary>
public sealed class SiteClock(ShelterDbContext db)
{
    private Dictionary<int, WorkingHours>? _bySite;

    public async Task<IReadOnlyDictionary<int, WorkingHours>> HoursBySiteAsync(CancellationToken ct = default) =>
        _bySite ??= (await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).ToDictionary(s => s.Id, WorkingHours.Of);

    public async Task<WorkingHours> NetworkHoursAsync(CancellationToken ct = default) =>
        (await HoursBySiteAsync(ct)).Values.FirstOrDefault() ?? WorkingHours.Default(Site.DefaultTimeZoneId);

    public async Task<WorkingHours> OfResidentAsync(int residentId, CancellationToken ct = default) =>
        (await OfResidentsAsync([residentId], ct))[residentId];

    /// <summary>The hours (and time zone) of each resident's site; every id asked for is in the answer.</summary>
    public async Task<IReadOnlyDictionary<int, WorkingHours>> OfResidentsAsync(IEnumerable<int> residentIds, CancellationToken ct = default)
    {
        var ids = residentIds.Distinct().ToList();
        var bySite = await HoursBySiteAsync(ct);
        var network = await NetworkHoursAsync(ct);
        // Her open stay first, else her latest one.
        var stays = await db.Stays.AsNoTracking().Where(s => ids.Contains(s.ResidentId) && s.ChildId == null)
            .Select(s => new { s.ResidentId, s.Bed.Room.SiteId, Open = s.EndedAt == null, s.StartedAt }).ToListAsync(ct);
        var siteOf = stays.GroupBy(s => s.ResidentId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Open).ThenByDescending(s => s.StartedAt).First().SiteId);
        return ids.ToDictionary(id => id, id => siteOf.TryGetValue(id, out var site) && bySite.TryGetValue(site, out var h) ? h : network);
    }

    public async Task<WorkingHours> OfWorkerAsync(string userId, CancellationToken ct = default)
    {
        var first = await db.StaffSites.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.SiteId).Select(s => (int?)s.SiteId)
            .FirstOrDefaultAsync(ct);
        return first is int site && (await HoursBySiteAsync(ct)).TryGetValue(site, out var h) ? h : await NetworkHoursAsync(ct);
    }
}
