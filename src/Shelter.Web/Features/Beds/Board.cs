using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shelter.Core.Beds;
using Shelter.Core.Data;
using Shelter.Core.Sites;
using Shelter.Web.Housing;

namespace Shelter.Web.Features.Beds;

public sealed record SiteTotals(int Beds, int Free, int Held, int Occupied, int OutOfService, int Women, int Children);

public sealed record BoardBed(BedNow Now, int ChildrenWithHer, string? TimeLeft, bool EndingSoon, DateTime? HeldUntilLocal = null);

public sealed record BoardRoom(int Id, string Name, RoomKind Kind, IReadOnlyList<BoardBed> Beds);

public sealed record BoardSite(SiteNow Site, DateTime LocalNow, IReadOnlyList<BoardRoom> Rooms, SiteTotals Totals);

/// <summary>
/// The board as shown: <paramref name="Sites"/> are the sites on the page (one by default, every one
/// when <paramref name="Shown"/> is null), <paramref name="Choices"/> the sites she may switch to,
/// <paramref name="FreeBeds"/> what the one hold form offers, <paramref name="HoldBedId"/> the bed it preselects.
/// </summary>
public sealed record BoardModel(IReadOnlyList<BoardSite> Sites, DateTime AsOfUtc, IReadOnlyList<SiteNow> Choices, int? Shown,
    IReadOnlyList<BedNow> FreeBeds, int? HoldBedId);

/// <summary>
/// Who sleeps where tonight: every site, room and bed with its state, the alias on an
/// occupied bed and how long her stay has left. Children show as "child, age" only. One site at a
/// time by default (the worker's own: the first of her sites, or the first site), or all of them.
/// </summary>
public sealed class Board(
    BedStates states, ShelterDbContext db, IHttpContextAccessor http, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    /// <summary>The <c>site</c> query value that shows every site.</summary>
    public const string AllSites = "all";

    /// <summary>The board showing one site (its id) or all of them; anything else is her own site's board.</summary>
    public static string Address(string? site) =>
        site == AllSites || int.TryParse(site, System.Globalization.NumberStyles.None, null, out _) ? $"/beds?site={site}" : "/beds";

    public async Task<BoardModel> HandleAsync(string? site, int? holdBedId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var choices = await states.MySitesAsync(ct);
        int? shown = site == AllSites ? null : await ShownSiteAsync(choices, site, ct);
        var sites = shown is null ? choices : choices.Where(s => s.Id == shown).ToList();
        var beds = await states.BedsAsync(now, sites, ct);

        var childrenOf = beds.Where(b => b.Occupant is { ChildId: not null })
            .GroupBy(b => b.Occupant!.ResidentId).ToDictionary(g => g.Key, g => g.Count());

        var model = sites.Select(site =>
        {
            var today = SiteTime.Today(site.TimeZoneId, now);
            var siteBeds = beds.Where(b => b.Bed.SiteId == site.Id).ToList();
            var rooms = siteBeds
                .GroupBy(b => new { b.Bed.RoomId, b.Bed.RoomName, b.Bed.RoomKind })
                .OrderBy(g => g.Key.RoomKind == RoomKind.SafeRoom ? 1 : 0).ThenBy(g => g.Key.RoomName, StringComparer.OrdinalIgnoreCase)
                .Select(g => new BoardRoom(g.Key.RoomId, g.Key.RoomName, g.Key.RoomKind,
                    g.OrderBy(b => b.Bed.BedLabel, StringComparer.OrdinalIgnoreCase)
                        .Select(b => ToBoardBed(b, site, today, now, childrenOf)).ToList()))
                .ToList();
            var totals = new SiteTotals(
                siteBeds.Count,
                siteBeds.Count(b => b.Bed.State == BedState.Free),
                siteBeds.Count(b => b.Bed.State == BedState.Held),
                siteBeds.Count(b => b.Bed.State == BedState.Occupied),
                siteBeds.Count(b => b.Bed.State == BedState.OutOfService),
                siteBeds.Count(b => b.Occupant is { ChildId: null }),
                siteBeds.Count(b => b.Occupant is { ChildId: not null }));
            return new BoardSite(site, SiteTime.Local(site.TimeZoneId, now), rooms, totals);
        }).ToList();
        var free = beds.Where(b => b.Bed.State == BedState.Free)
            .OrderBy(b => b.Bed.RoomName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(b => b.Bed.BedLabel, StringComparer.OrdinalIgnoreCase).ToList();
        return new BoardModel(model, now, choices, shown, free, free.Any(b => b.Bed.BedId == holdBedId) ? holdBedId : null);
    }

    /// <summary>The site asked for if she may see it, else the first of her own sites, else the first site.</summary>
    private async Task<int?> ShownSiteAsync(IReadOnlyList<SiteNow> choices, string? asked, CancellationToken ct)
    {
        if (choices.Count == 0) return null;
        if (int.TryParse(asked, out var id) && choices.Any(s => s.Id == id)) return id;
        var userId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var mine = userId is null ? [] : await db.StaffSites.Where(s => s.UserId == userId).Select(s => s.SiteId).ToListAsync(ct);
        return (choices.FirstOrDefault(s => mine.Contains(s.Id)) ?? choices[0]).Id;
    }

    private BoardBed ToBoardBed(BedNow bed, SiteNow site, DateOnly today, DateTime now, Dictionary<int, int> childrenOf)
    {
        if (bed.Occupant is not { } o)
            return new BoardBed(bed, 0, null, false, bed.HeldUntil is { } until ? SiteTime.Local(site.TimeZoneId, until) : null);
        var children = o.ChildId is null && childrenOf.TryGetValue(o.ResidentId, out var n) ? n : 0;
        if (bed.Bed.RoomKind == RoomKind.SafeRoom)
        {
            var hours = (int)Math.Floor((o.PlannedEndAt - now).TotalHours);
            return new BoardBed(bed, children, hours >= 0 ? L["{0} h left", hours].Value : L["{0} h over", -hours].Value, hours < 24);
        }
        var days = SiteTime.Today(site.TimeZoneId, o.PlannedEndAt).DayNumber - today.DayNumber;
        var text = days switch
        {
            > 1 => L["{0} days left", days],
            1 => L["1 day left"],
            0 => L["ends today"],
            _ => L["{0} days over", -days]
        };
        return new BoardBed(bed, children, text.Value, days <= 7);
    }
}
