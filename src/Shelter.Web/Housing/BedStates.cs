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
        var (sites, beds) = await LoadAsync(utcNow, ct);
        if (await scope.SitesAsync(ct) is not { } mine) return (sites, beds);
        return (sites.Where(s => mine.Contains(s.Id)).ToList(), beds.Where(b => mine.Contains(b.Bed.SiteId)).ToList());
    }

    public async Task<(IReadOnlyList<SiteNow> Sites, IReadOnlyList<BedNow> Beds)> LoadAsync(DateTime utcNow, CancellationToken ct = default)
    {
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new SiteNow(s.Id, s.Name, s.IsAddressConfidential, s.TimeZoneId, s.MaxStayDays, s.MaxSafeRoomStayHours))
            .ToListAsync(ct);
        var beds = await db.Beds.AsNoTracking()
            .Select(b => new { b.Id, b.Label, b.RoomId, RoomName = b.Room.Name, b.Room.Kind, b.Room.SiteId, b.Room.FamilyUnit })
            .ToListAsync(ct);
        var stays = await db.Stays.AsNoTracking().Where(s => s.EndedAt == null)
            .Select(s => new
            {
                s.Id, s.BedId, s.ResidentId, s.Resident.Alias, s.ChildId,
                ChildAgeAtArrival = s.Child == null ? (int?)null : s.Child.AgeAtArrival,
                ChildArrivedOn = s.Child == null ? (DateOnly?)null : s.Child.ArrivedOn,
                s.PlannedEndAt, Agreed = s.Conditions != null,
            })
            .ToDictionaryAsync(s => s.BedId, ct);
        var holds = await db.BedHolds.AsNoTracking().Where(h => h.ReleasedAt == null)
            .Select(h => new { h.Id, h.BedId, h.HeldUntil })
            .ToDictionaryAsync(h => h.BedId, ct);
        var todayAt = sites.ToDictionary(s => s.Id, s => SiteTime.Today(s.TimeZoneId, utcNow));
        var oosByBed = await OutOfServiceTodayAsync(utcNow, todayAt, beds.ToDictionary(b => b.Id, b => b.SiteId), ct);

        var siteById = sites.ToDictionary(s => s.Id);
        var result = beds.Select(b =>
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
        return (sites, result);
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
