using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Intake;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Infrastructure.Integrity;

namespace Shelter.Web.Housing;

/// <summary>Where she goes and on what terms; the beds are hers first, then one per child.</summary>
public sealed record PlacementRequest(
    Resident Resident, BedNow Bed, IReadOnlyList<int> BedIds, SiteNow Site,
    DateOnly? AgreedEndOn = null, string? Conditions = null, int? SuggestedBedId = null, string? OverrideReason = null,
    bool AcrossAdjacentRoomsByHerChoice = false);

/// <summary>
/// Writes a woman's stay and her children's into their beds, opens the review before the end,
/// takes her off the waiting list and releases a hold kept for her. Runs inside the caller's
/// IMMEDIATE transaction; a unique-index violation surfaces as DbUpdateException to the caller.
/// </summary>
public sealed class Placement(ShelterDbContext db, Outbox outbox)
{
    public async Task<Stay> PlaceAsync(PlacementRequest request, DateTime now, CancellationToken ct)
    {
        var (resident, bed, bedIds, site) = (request.Resident, request.Bed, request.BedIds, request.Site);
        var plannedEnd = request.AgreedEndOn is { } agreed
            ? SiteTime.EndOfLocalDayUtc(site.TimeZoneId, agreed)
            : StayTerms.DefaultEnd(bed.Bed.RoomKind, now, site.MaxStayDays, site.MaxSafeRoomStayHours);
        var conditions = string.IsNullOrWhiteSpace(request.Conditions) ? null : request.Conditions.Trim();

        var hers = Stay.CheckIn(resident, null, bedIds[0], now, plannedEnd, conditions);
        hers.SuggestedBedId = request.SuggestedBedId;
        hers.OverrideReason = request.OverrideReason?.Trim();
        hers.HouseholdAcrossRoomsByHerChoice = request.AcrossAdjacentRoomsByHerChoice;
        var stays = resident.Children.Select((child, i) => Stay.CheckIn(resident, child, bedIds[i + 1], now, plannedEnd, conditions))
            .Prepend(hers).ToList();
        db.Stays.AddRange(stays);

        await ReleaseHoldOnArrivalAsync(db, bed.HoldId, now, ct);
        if (resident.Id != 0)
        {
            foreach (var waiting in await db.WaitingList.Where(w => w.ResidentId == resident.Id && w.ClosedAt == null).ToListAsync(ct))
            {
                waiting.ClosedAt = now;
                waiting.Closed = WaitingClosed.Admitted;
            }
        }

        await db.SaveChangesAsync(ct);
        StayReviews.Open(db, hers, bed.Bed.RoomKind, now);
        outbox.ContinuityCheck(resident.Id);
        await db.SaveChangesAsync(ct);
        return hers;
    }

    /// <summary>A hold kept on the bed she arrives in (at check-in or a move) has done its work: it ends now.</summary>
    public static async Task ReleaseHoldOnArrivalAsync(ShelterDbContext db, int? holdId, DateTime now, CancellationToken ct)
    {
        if (holdId is int id && await db.BedHolds.FindAsync([id], ct) is { IsOpen: true } hold) hold.ReleaseOnArrival(now);
    }
}
