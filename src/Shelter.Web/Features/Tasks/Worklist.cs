using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.FollowUps;
using Shelter.Core.Sites;
using Shelter.Web.Care;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Features.Tasks;

public sealed record WorkItem(int Id, FollowUpKind Kind, string? What, int ResidentId, string Alias, DateTime DueAt, bool Mine)
{
    /// <summary>The time zone of her site: the due time is shown on its clock.</summary>
    public string TimeZoneId { get; init; } = Site.DefaultTimeZoneId;
}

public sealed record WorklistModel(IReadOnlyList<WorkItem> Overdue, IReadOnlyList<WorkItem> Today, IReadOnlyList<WorkItem> Upcoming,
    IReadOnlyList<WorkItem> Unassigned);

/// <summary>
/// The signed-in worker's follow-ups: overdue, due today, upcoming; and the unassigned ones of
/// her kinds, so nothing falls between two people. Declined and finished work is not shown.
/// </summary>
public sealed class Worklist(ShelterDbContext db, SiteScope scope, TimeProvider clock, Shared.SiteClock sites)
{
    public async Task<WorklistModel> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var kinds = CaseWorkAccess.KindsFor(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.FollowUps.AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Open && kinds.Contains(f.Kind)
                && (f.AssignedToUserId == me || f.AssignedToUserId == null));
        open = await scope.OnlyReachableAsync(open, f => f.ResidentId, ct);
        var items = await open
            .OrderBy(f => f.DueAt).Take(500)
            .Select(f => new WorkItem(f.Id, f.Kind, f.What, f.ResidentId, db.Residents.Where(r => r.Id == f.ResidentId).Select(r => r.Alias)
                .First(), f.DueAt, f.AssignedToUserId == me))
            .ToListAsync(ct);
        // "Today" is the local day of each resident's site.
        var hours = await sites.OfResidentsAsync(items.Select(i => i.ResidentId), ct);
        items = items.Select(i => i with { TimeZoneId = hours[i.ResidentId].TimeZoneId }).ToList();
        bool DueByEndOfToday(WorkItem i) => i.DueAt <= SiteTime.EndOfLocalDayUtc(i.TimeZoneId, SiteTime.Today(i.TimeZoneId, now));
        var mine = items.Where(i => i.Mine).ToList();
        return new WorklistModel(
            mine.Where(i => i.DueAt < now).ToList(),
            mine.Where(i => i.DueAt >= now && DueByEndOfToday(i)).ToList(),
            mine.Where(i => !DueByEndOfToday(i)).Take(50).ToList(),
            items.Where(i => !i.Mine).Take(100).ToList());
    }
}
