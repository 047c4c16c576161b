using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Data;
using Shelter.Core.Sites;

namespace Shelter.Web.Features.Home;

public sealed record SiteTonight(string Site, bool Confidential, int Beds, int Occupied, int Women, int Children, int SafeRoomBeds, int SafeRoomsOccupied)
{
    public int Free => Beds - Occupied;
    public int UtilisationPercent => Beds == 0 ? 0 : (int)Math.Round(100.0 * Occupied / Beds);
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
    public int? Accounts { get; init; }
    public int? LockedAccounts { get; init; }
    public bool Is(string role) => Roles.Contains(role);
}

/// <summary>
/// What each role needs first thing on a shift. Counts only: names are one click further,
/// behind the pages that audit-log the view.
/// </summary>
public sealed class Dashboard(ShelterDbContext db, UserManager<ShelterUser> users, Intake.WaitingList waitingList, Medication.Continuity continuity, TimeProvider clock)
{
    public async Task<DashboardModel> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var roles = Core.Accounts.Roles.All.Where(user.IsInRole).ToList();
        var seesHouse = roles.Any(r => r is Core.Accounts.Roles.Staff or Core.Accounts.Roles.CaseManager or Core.Accounts.Roles.Manager);
        var seesChildren = roles.Any(r => r is Core.Accounts.Roles.SocialWorker or Core.Accounts.Roles.CaseManager);
        var isAdmin = roles.Contains(Core.Accounts.Roles.Admin);
        var seesWaiting = roles.Any(r => r is Core.Accounts.Roles.Staff or Core.Accounts.Roles.CaseManager);
        var waiting = seesWaiting ? await waitingList.HandleAsync(ct) : [];
        // Staff and case managers learn how many need attention; which medication stays on the case manager's page.
        var medication = seesWaiting ? (await continuity.LoadAsync(ct: ct)).Where(m => m.InHouse).ToList() : [];

        return new DashboardModel
        {
            DisplayName = user.FindFirstValue(Infrastructure.Auth.ShelterClaimsFactory.DisplayName) ?? "",
            Roles = roles,
            Tonight = seesHouse ? await TonightAsync(ct) : [],
            Children = seesChildren ? await ChildrenAsync(ct) : [],
            Waiting = seesWaiting ? waiting.Count : null,
            MedicationNeedsAttention = seesWaiting ? medication.Where(m => m.Result.NeedsAttention).Select(m => m.ResidentId).Distinct().Count() : null,
            MedicationBroken = roles.Contains(Core.Accounts.Roles.CaseManager) ? medication.Count(m => m.Result.Status == Core.Medication.ContinuityStatus.Broken) : null,
            WaitingWithFittingBed = waiting.Count(w => w.FitsNow is not null),
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

    private async Task<IReadOnlyList<SiteTonight>> TonightAsync(CancellationToken ct)
    {
        var beds = await db.Beds
            .GroupBy(b => new { b.Room.Site.Name, b.Room.Site.IsAddressConfidential })
            .Select(g => new
            {
                g.Key.Name,
                g.Key.IsAddressConfidential,
                Beds = g.Count(),
                SafeRoomBeds = g.Count(b => b.Room.Kind == RoomKind.SafeRoom),
            })
            .ToListAsync(ct);
        var stays = await db.Stays.Where(s => s.EndedAt == null)
            .GroupBy(s => s.Bed.Room.Site.Name)
            .Select(g => new
            {
                Site = g.Key,
                Occupied = g.Count(),
                Women = g.Count(s => s.ChildId == null),
                Children = g.Count(s => s.ChildId != null),
                SafeRooms = g.Count(s => s.Bed.Room.Kind == RoomKind.SafeRoom),
            })
            .ToListAsync(ct);
        return beds.OrderBy(b => b.Name).Select(b =>
        {
            var s = stays.FirstOrDefault(x => x.Site == b.Name);
            return new SiteTonight(b.Name, b.IsAddressConfidential, b.Beds, s?.Occupied ?? 0, s?.Women ?? 0, s?.Children ?? 0, b.SafeRoomBeds, s?.SafeRooms ?? 0);
        }).ToList();
    }

    private async Task<IReadOnlyList<ChildrenByAge>> ChildrenAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var inHouse = await db.Children
            .Where(c => db.Stays.Any(s => s.ResidentId == c.ResidentId && s.EndedAt == null))
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
