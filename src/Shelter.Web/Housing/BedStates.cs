using Microsoft.EntityFrameworkCore;
using Shelter.Core.Beds;
using Shelter.Core.Data;
using Shelter.Core.Residents;
using Shelter.Core.Sites;

namespace Shelter.Web.Housing;

public sealed record Occupant(int StayId, int ResidentId, string Alias, int? ChildId, int? ChildAge, DateTime PlannedEndAt,
    bool AgreedTerms);

public sealed record BedNow(BedCandidate Bed, Occupant? Occupant, int? HoldId, DateTime? HeldUntil, int? OutOfServiceId,
    OutOfServiceReason? OutOfServiceReason, DateOnly? BackInServiceOn);

/// <summary>A bed tonight without who is in it: what the dashboard counts.</summary>
public sealed record BedTonight(int SiteId, RoomKind RoomKind, BedState State, bool ByChild);

public sealed record SiteNow(int Id, string Name, bool Confidential, string TimeZoneId, int MaxStayDays, int MaxSafeRoomStayHours);

/// <summary>
/// Every bed in the network and what it is right now: free, held, occupied or out of service.
/// Four set-based queries whatever the size of the stay history; the one source for the bed
/// board, the dashboard and the allocator.
/// </summary>
public sealed class BedStates(ShelterDbContext db, Infrastructure.Auth.SiteScope scope)
{
    /// <summary>
    /// The sites the signed-in person works at and their beds: what the board, the dashboard and the
    /// bed choices show her. Admission decisions use <see cref="LoadAsync"/>, the whole network,
    /// so no woman is refused a bed because it is at another site.
    /// </summary>
    public async Task<(IReadOnlyList<SiteNow> Sites, IReadOnlyList<BedNow> Beds)> LoadMineAsync(DateTime utcNow,
        CancellationToken ct = default)
    {
        var sites = await MySitesAsync(ct);
        return (sites, await BedsAsync(utcNow, sites, ct));
    }

    /// <summary>The sites the signed-in person works at (every site for a role not bound to sites), by name.</summary>
    public async Task<IReadOnlyList<SiteNow>> MySitesAsync(CancellationToken ct = default)
    {
        var sites = await SitesAsync(ct);
        return await scope.SitesAsync(ct) is { } mine ? sites.Where(s => mine.Contains(s.Id)).ToList() : sites;
    }

    public async Task<(IReadOnlyList<SiteNow> Sites, IReadOnlyList<BedNow> Beds)> LoadAsync(DateTime utcNow, CancellationToken ct = default)
    {
        var sites = await SitesAsync(ct);
        return (sites, await BedsAsync(utcNow, sites, everySite: true, ct));
    }

    private Task<List<SiteNow>> SitesAsync(CancellationToken ct) => db.Sites.AsNoTracking().OrderBy(s => s.Name)
        .Select(s => new SiteNow(s.Id, s.Name, s.IsAddressConfidential, s.TimeZoneId, s.MaxStayDays, s.MaxSafeRoomStayHours))
        .ToListAsync(ct);

    /// <summary>
    /// The beds of these sites and what each is now. Only their rows are read: a board of one site in a
    /// network of fifty reads its thirty beds and their stays, not fifteen hundred.
    /// </summary>
    public Task<IReadOnlyList<BedNow>> BedsAsync(DateTime utcNow, IReadOnlyList<SiteNow> sites, CancellationToken ct = default) =>
        BedsAsync(utcNow, sites, everySite: false, ct);

    private async Task<IReadOnlyList<BedNow>> BedsAsync(DateTime utcNow, IReadOnlyList<SiteNow> sites, bool everySite,
        CancellationToken ct)
    {
        var ids = sites.Select(s => s.Id).ToList();
        var beds = await db.Beds.AsNoTracking().Where(b => everySite || ids.Contains(b.Room.SiteId))
            .Select(b => new { b.Id, b.Label, b.RoomId, RoomName = b.Room.Name, b.Room.Kind, b.Room.SiteId, b.Room.FamilyUnit })
            .ToListAsync(ct);
        var stays = await db.Stays.AsNoTracking().Where(s => s.EndedAt == null && (everySite || ids.Contains(s.Bed.Room.SiteId)))
            .Select(s => new
            {
                s.Id, s.BedId, s.ResidentId, s.Resident.Alias, s.ChildId,
                ChildAgeAtArrival = s.Child == null ? (int?)null : s.Child.AgeAtArrival,
                ChildArrivedOn = s.Child == null ? (DateOnly?)null : s.Child.ArrivedOn,
                s.PlannedEndAt, Agreed = s.Conditions != null,
            })
            .ToDictionaryAsync(s => s.BedId, ct);
        var holds = await db.BedHolds.AsNoTracking().Where(h => h.ReleasedAt == null && (everySite || ids.Contains(h.Bed.Room.SiteId)))
            .Select(h => new { h.Id, h.BedId, h.HeldUntil })
            .ToDictionaryAsync(h => h.BedId, ct);
        var todayAt = sites.ToDictionary(s => s.Id, s => SiteTime.Today(s.TimeZoneId, utcNow));
        var oosByBed = await OutOfServiceTodayAsync(utcNow, todayAt, beds.ToDictionary(b => b.Id, b => b.SiteId), ct);

        var siteById = sites.ToDictionary(s => s.Id);
        return beds.Select(b =>
        {
            var site = siteById[b.SiteId];
            stays.TryGetValue(b.Id, out var stay);
            holds.TryGetValue(b.Id, out var hold);
            oosByBed.TryGetValue(b.Id, out var oos);
            var state = StateOf(occupied: stay is not null, outOfService: oos is not null, held: hold is not null);
            var today = todayAt[b.SiteId];
            Occupant? occupant = stay is null ? null : new Occupant(stay.Id, stay.ResidentId, stay.Alias, stay.ChildId,
                stay.ChildAgeAtArrival is int age ? Child.AgeOn(age, stay.ChildArrivedOn!.Value, today) : null,
                stay.PlannedEndAt, stay.Agreed);
            return new BedNow(
                new BedCandidate(b.Id, b.Label, b.RoomId, b.RoomName, b.Kind, b.SiteId, site.Name, site.Confidential, state, b.FamilyUnit),
                occupant, hold?.Id, hold?.HeldUntil, oos?.Id, oos?.Reason, oos?.To?.AddDays(1));
        }).ToList();
    }

    /// <summary>
    /// The state of each bed of these sites, by the same rule as the board's <see cref="StateOf"/>,
    /// without reading who is in it: no woman's row, no child's, no terms. The dashboard counts fifty sites' beds
    /// at every shift change; joining each occupied bed to her record was most of its cost.
    /// </summary>
    public async Task<IReadOnlyList<BedTonight>> TonightAsync(DateTime utcNow, IReadOnlyList<SiteNow> sites, CancellationToken ct = default)
    {
        var ids = sites.Select(s => s.Id).ToList();
        var beds = await db.Beds.AsNoTracking().Where(b => ids.Contains(b.Room.SiteId))
            .Select(b => new { b.Id, b.Room.Kind, b.Room.SiteId }).ToListAsync(ct);
        var stays = await db.Stays.AsNoTracking().Where(s => s.EndedAt == null && ids.Contains(s.Bed.Room.SiteId))
            .Select(s => new { s.BedId, ByChild = s.ChildId != null }).ToDictionaryAsync(s => s.BedId, s => s.ByChild, ct);
        var held = (await db.BedHolds.AsNoTracking().Where(h => h.ReleasedAt == null && ids.Contains(h.Bed.Room.SiteId))
            .Select(h => h.BedId).ToListAsync(ct)).ToHashSet();
        var todayAt = sites.ToDictionary(s => s.Id, s => SiteTime.Today(s.TimeZoneId, utcNow));
        var outOfService = await OutOfServiceTodayAsync(utcNow, todayAt, beds.ToDictionary(b => b.Id, b => b.SiteId), ct);
        return beds.Select(b => new BedTonight(b.SiteId, b.Kind,
            StateOf(occupied: stays.ContainsKey(b.Id), outOfService: outOfService.ContainsKey(b.Id), held: held.Contains(b.Id)),
            stays.GetValueOrDefault(b.Id))).ToList();
    }

    /// <summary>
    /// The period each bed is out of service that covers today at its site; periods that ended
    /// before yesterday are not read (no site's today is earlier than that).
    /// </summary>
    private async Task<Dictionary<int, BedOutOfService>> OutOfServiceTodayAsync(DateTime utcNow, Dictionary<int, DateOnly> todayAt,
        Dictionary<int, int> siteOfBed, CancellationToken ct)
    {
        var yesterday = DateOnly.FromDateTime(utcNow).AddDays(-1);
        var outOfService = await db.BedsOutOfService.AsNoTracking()
            .Where(o => o.To == null || o.To >= yesterday)
            .ToListAsync(ct);
        return outOfService.Where(o => siteOfBed.TryGetValue(o.BedId, out var siteId) && o.Covers(todayAt[siteId]))
            .GroupBy(o => o.BedId).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>A woman in the bed comes first, then out of service, then a hold.</summary>
    private static BedState StateOf(bool occupied, bool outOfService, bool held) =>
        occupied ? BedState.Occupied
        : outOfService ? BedState.OutOfService
        : held ? BedState.Held
        : BedState.Free;
}
