using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Shelter.Core.Beds;
using Shelter.Core.Data;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Integrity;

namespace Shelter.Web.Features.Stays;

public sealed class MoveForm
{
    [Required(ErrorMessage = "Choose the bed she moves to.")]
    public int? BedId { get; set; }
}

public sealed record MovePage(Household Household, MoveForm Form, IReadOnlyList<BedNow> FreeBeds);

/// <summary>
/// Moves a woman and her children to another bed, room or site: the old stays end as
/// "moved within the network", new ones start with the same terms.
/// </summary>
public sealed class Move(ShelterDbContext db, BedStates states, Outbox outbox, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<MovePage?> PageAsync(int stayId, MoveForm form, CancellationToken ct)
    {
        var household = await Household.LoadAsync(db, stayId, ct);
        if (household is null) return null;
        var (_, beds) = await states.LoadMineAsync(clock.GetUtcNow().UtcDateTime, ct);
        return new MovePage(household, form, FreeBeds.ToOffer(beds));
    }

    /// <summary>Her new stay's id when she has moved.</summary>
    public async Task<Outcome<int>> HandleAsync(int stayId, MoveForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
        await BedLock.TakeAsync(db, ct);
        var household = await Household.LoadAsync(db, stayId, ct);
        if (household is null) return Outcome.Refused<int>("That stay does not exist.");
        if (!household.Hers.IsActive)
            return Outcome.Refused<int>(household.Hers.ExitReason == ExitReason.MovedWithinNetwork
                ? Household.AlreadyEnded(household.Hers, L)
                : Household.AlreadyEnded(household.Hers, L)
                    + " " + L["A woman who has left cannot be moved: check her in again instead."].Value);
        if (household.All.Any(s => s.BedId == form.BedId)) return Outcome.Refused<int>("She is already in that bed.");

        var (sites, beds) = await states.LoadAsync(now, ct);
        var target = beds.FirstOrDefault(b => b.Bed.BedId == form.BedId);
        if (target is null) return Outcome.Refused<int>("That bed does not exist.");
        if (target.Bed.State is BedState.Occupied or BedState.OutOfService) return Outcome.Refused<int>("That bed is no longer free.");
        var childBeds = FreeBeds.BesideHer(beds, target, household.Children.Count);
        if (childBeds.Count < household.Children.Count)
            return Outcome.Refused<int>(
                L["{0} has no free beds for her children; a mother and her children stay in one room.", target.Bed.RoomName].Value);

        var site = sites.First(s => s.Id == target.Bed.SiteId);
        var hers = household.Hers;
        var plannedEnd = PlannedEnd(hers, target, site, now);

        var moved = new List<Stay>();
        var targetBeds = childBeds.Select(b => b.Bed.BedId).Prepend(target.Bed.BedId).ToList();
        var i = 0;
        foreach (var old in household.All) moved.Add(old.MoveTo(targetBeds[i++], now, plannedEnd));
        await Placement.ReleaseHoldOnArrivalAsync(db, target.HoldId, now, ct);
        return await SaveAsync(tx, hers, moved, target.Bed.RoomKind, now, ct);
    }

    /// <summary>Leaving a safe room for a bed (or the reverse) starts the other kind of term, unless one was agreed.</summary>
    private static DateTime PlannedEnd(Stay hers, BedNow target, SiteNow site, DateTime now)
    {
        var wasSafeRoom = hers.Bed.Room.Kind == RoomKind.SafeRoom;
        var isSafeRoom = target.Bed.RoomKind == RoomKind.SafeRoom;
        return wasSafeRoom != isSafeRoom && hers.Conditions is null
            ? StayTerms.DefaultEnd(target.Bed.RoomKind, now, site.MaxStayDays, site.MaxSafeRoomStayHours)
            : hers.PlannedEndAt;
    }

    /// <summary>Ends the old stays, starts the new ones and reschedules her reviews; a bed taken meanwhile undoes it all.</summary>
    private async Task<Outcome<int>> SaveAsync(IDbContextTransaction tx, Stay hers, List<Stay> moved, RoomKind roomKind, DateTime now,
        CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct); // the old stays end before the new ones start: she is never in two beds
            db.Stays.AddRange(moved);
            await db.SaveChangesAsync(ct);
            await StayReviews.RescheduleAsync(db, hers.Id, moved[0], roomKind, now, ct);
            outbox.ContinuityCheck(hers.ResidentId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome.Refused<int>("That bed is no longer free.");
        }
        return Outcome.Made(moved[0].Id);
    }
}
