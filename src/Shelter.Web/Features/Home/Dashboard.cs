using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Beds;
using Shelter.Core.Data;
using Shelter.Core.Sites;
using Shelter.Web.Care;
using Shelter.Web.Housing;

namespace Shelter.Web.Features.Home;

public sealed record SiteTonight(string Site, bool Confidential, int Beds, int Free, int Occupied, int Women, int Children,
    int SafeRoomBeds, int SafeRoomsOccupied, int BedsInService)
{
    /// <summary>The reports' definition (<see cref="Core.Reports.OccupancyRate"/>): out-of-service beds are not available.</summary>
    public double? OccupancyPercent => Core.Reports.OccupancyRate.Percent(Occupied, BedsInService);
}

public sealed record ChildrenByAge(string Band, int Count);

public sealed class DashboardModel
{
    public required string DisplayName { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public IReadOnlyList<SiteTonight> Tonight { get; init; } = [];
    public IReadOnlyList<ChildrenByAge> Children { get; init; } = [];
    public int? MedicationNeedsAttention { get; init; }
    public int? MedicationBroken { get; init; }
    public int? Waiting { get; init; }
    public int WaitingWithFittingBed { get; init; }
    /// <summary>Free beds that fit at least one of them: a notice counts beds and the women they fit.</summary>
    public int FreeBedsThatFit { get; init; }
    public int? Accounts { get; init; }
    public int? LockedAccounts { get; init; }
    public bool Is(string role) => Roles.Contains(role);
}

/// <summary>
/// What each role needs first thing on a shift. Counts only: names are one click further,
/// behind the pages that audit-log the view.
/// </summary>
public sealed class Dashboard(ShelterDbContext db, UserManager<ShelterUser> users, WaitingList waitingList, Continuity continuity,
    BedStates bedStates, Infrastructure.Auth.SiteScope scope, TimeProvider clock)
{
    public async Task<DashboardModel> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var roles = Core.Accounts.Roles.All.Where(user.IsInRole).ToList();
        var seesHouse = roles.Any(r => r is Core.Accounts.Roles.Staff or Core.Accounts.Roles.CaseManager or Core.Accounts.Roles.Manager);
        var seesChildren = roles.Any(r => r is Core.Accounts.Roles.SocialWorker or Core.Accounts.Roles.CaseManager);
        var isAdmin = roles.Contains(Core.Accounts.Roles.Admin);
        var seesWaiting = roles.Any(r => r is Core.Accounts.Roles.Staff or Core.Accounts.Roles.CaseManager);
        var (waiting, fit) = seesWaiting ? await waitingList.LoadAsync(ct) : ([], new Core.Intake.BedsThatFit(0, 0));
        // Staff and case managers learn how many need attention; which medication stays on the case manager's page.
        var medication = seesWaiting ? (await continuity.LoadReachableWithoutDetailsAsync(scope, ct)).Where(m => m.Held).ToList() : [];

        return new DashboardModel
        {
            DisplayName = user.FindFirstValue(Infrastructure.Auth.ShelterClaimsFactory.DisplayName) ?? "",
            Roles = roles,
            Tonight = seesHouse ? await TonightAsync(ct) : [],
            Children = seesChildren ? await ChildrenAsync(ct) : [],
            Waiting = seesWaiting ? waiting.Count : null,
            MedicationNeedsAttention = seesWaiting ? medication.Where(m => m.Result.NeedsAttention).Select(m => m.ResidentId).Distinct()
                .Count() : null,
            MedicationBroken = roles.Contains(Core.Accounts.Roles.CaseManager)
                ? medication.Count(m => m.Result.Status == Core.Medication.ContinuityStatus.Broken) : null,
            WaitingWithFittingBed = fit.Women,
            FreeBedsThatFit = fit.Beds,
            Accounts = isAdmin ? await users.Users.CountAsync(ct) : null,
            LockedAccounts = isAdmin ? await LockedAccountsAsync(ct) : null,
        };
    }

    /// <summary>Locked after wrong passwords, not disabled. SQLite cannot compare DateTimeOffset, and accounts are few.</summary>
    private async Task<int> LockedAccountsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ends = await users.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd!.Value).ToListAsync(ct);
        return ends.Count(end => end > now && end != DateTimeOffset.MaxValue);
    }

    /// <summary>The same states as the bed board, so "free" means the same on both: not held, not out of service.</summary>
    private async Task<IReadOnlyList<SiteTonight>> TonightAsync(CancellationToken ct)
    {
        var sites = await bedStates.MySitesAsync(ct);
        var beds = await bedStates.TonightAsync(clock.GetUtcNow().UtcDateTime, sites, ct);
        return sites.Select(site =>
        {
            var mine = beds.Where(b => b.SiteId == site.Id).ToList();
            var safe = mine.Where(b => b.RoomKind == RoomKind.SafeRoom).ToList();
            return new SiteTonight(site.Name, site.Confidential, mine.Count,
                mine.Count(b => b.State == BedState.Free), mine.Count(b => b.State == BedState.Occupied),
                mine.Count(b => b.State == BedState.Occupied && !b.ByChild), mine.Count(b => b.State == BedState.Occupied && b.ByChild),
                safe.Count, safe.Count(b => b.State == BedState.Occupied), mine.Count(b => b.State != BedState.OutOfService));
        }).ToList();
    }

    private async Task<IReadOnlyList<ChildrenByAge>> ChildrenAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // From the open stays to their households' children (by index), not every child ever registered to a stay.
        var housed = db.Stays.Where(s => s.EndedAt == null).Select(s => s.ResidentId);
        var children = db.Children.Where(c => housed.Contains(c.ResidentId));
        children = await scope.OnlyReachableAsync(children, c => c.ResidentId, ct);
        var inHouse = await children
            .AsNoTracking()
            .ToListAsync(ct);
        var ages = inHouse.Select(c => c.AgeOn(today)).ToList();
        return
        [
            new("Under 3", ages.Count(a => a < 3)),
            new("3 to 6 (kindergarten)", ages.Count(a => a is >= 3 and <= 6)),
            new("7 to 17 (school)", ages.Count(a => a >= 7)),
        ];
    }
}
