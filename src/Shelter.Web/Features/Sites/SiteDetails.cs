using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Sites;

namespace Shelter.Web.Features.Sites;

public sealed record SiteRow(int Id, string Name, bool Confidential, int Rooms, int Beds, int MaxStayDays, int MaxSafeRoomStayHours);

public sealed record SitePage(Site Site, IReadOnlyList<BedOutOfService> OutOfService, DateOnly Today,
    IReadOnlyList<Core.Children.CounsellingRoom>? CounsellingRooms = null);

/// <summary>The sites list and one site's rooms, beds and out-of-service ranges, for managers.</summary>
public sealed class SiteDetails(ShelterDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<SiteRow>> ListAsync(CancellationToken ct) =>
        await db.Sites.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new SiteRow(s.Id, s.Name, s.IsAddressConfidential, s.Rooms.Count, s.Rooms.SelectMany(r => r.Beds).Count(),
                s.MaxStayDays, s.MaxSafeRoomStayHours))
            .ToListAsync(ct);

    public async Task<SitePage?> LoadAsync(int id, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().Include(s => s.Rooms).ThenInclude(r => r.Beds).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null) return null;
        var today = SiteTime.Today(site.TimeZoneId, clock.GetUtcNow().UtcDateTime);
        var oos = await db.BedsOutOfService.AsNoTracking().Include(o => o.Bed)
            .Where(o => o.Bed.Room.SiteId == id && (o.To == null || o.To >= today))
            .OrderBy(o => o.From).ToListAsync(ct);
        var counselling = await db.CounsellingRooms.AsNoTracking().Where(r => r.SiteId == id).OrderBy(r => r.Name).ToListAsync(ct);
        return new SitePage(site, oos, today, counselling);
    }
}
