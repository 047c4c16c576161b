using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Beds;
using Shelter.Core.Data;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Validation;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Integrity;

namespace Shelter.Web.Features.Stays;

public sealed class CheckInForm
{
    /// <summary>A woman already known to the shelter who has no bed now.</summary>
    public int? ResidentId { get; set; }

    [StringLength(80, ErrorMessage = "Keep the name she gives under 80 characters.")]
    public string? Alias { get; set; }

    [StringLength(60, ErrorMessage = "List at most ten ages.")]
    public string? ChildAges { get; set; }

    /// <summary>Optional: which of the children are boys, by age; only so an older son is not put in a women's shared room.</summary>
    [StringLength(60, ErrorMessage = "List at most ten ages.")]
    public string? SonsAges { get; set; }

    public bool NeedsAccessibleRoom { get; set; }
    public bool HighRisk { get; set; }

    /// <summary>Her choice: when no single room holds her family, rooms side by side in a family unit.</summary>
    public bool AgreesToAdjacentRooms { get; set; }

    public int? BedId { get; set; }

    [StringLength(300, ErrorMessage = "Keep the reason under 300 characters.")]
    public string? OverrideReason { get; set; }

    [DayWithin(DayRange.Ahead, "The agreed end")]
    public DateOnly? AgreedEndOn { get; set; }

    [StringLength(1000, ErrorMessage = "Keep the conditions under 1000 characters.")]
    public string? Conditions { get; set; }
}

public enum CheckInStatus { CheckedIn, Invalid, BedNoLongerFree }

public sealed record CheckInResult(CheckInStatus Status, int? StayId, IReadOnlyList<string> Errors, Allocation? Next)
{
    public static CheckInResult Invalid(params string[] errors) => new(CheckInStatus.Invalid, null, errors, null);
}

public sealed record ResidentWithoutBed(int Id, string Alias, int Children);

public sealed record CheckInPage(CheckInForm Form, Allocation? Suggestion, IReadOnlyList<BedNow> FreeBeds, IReadOnlyList<ResidentWithoutBed> Waiting, bool BedNoLongerFree = false);

/// <summary>
/// Puts a woman (and her children, in the same room) into beds. The read of what is free and
/// the write of her stays happen in one IMMEDIATE transaction, and the unique index on active
/// stays per bed refuses a second woman even if that were ever bypassed.
/// </summary>
public sealed class CheckIn(ShelterDbContext db, BedStates states, SiteScope scope, Placement placement, TimeProvider clock)
{
    /// <summary>A blank form, or one for a woman already known (her needs filled in from her record).</summary>
    public async Task<CheckInForm> FormAsync(int? bedId, int? residentId, CancellationToken ct)
    {
        var form = new CheckInForm { BedId = bedId, ResidentId = residentId };
        if (residentId is int id && await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } known)
        {
            form.NeedsAccessibleRoom = known.NeedsAccessibleRoom;
            form.HighRisk = known.HighRisk;
        }
        return form;
    }

    public async Task<CheckInPage> PageAsync(CheckInForm form, bool bedNoLongerFree, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (_, beds) = await states.LoadMineAsync(now, ct);
        var need = await NeedAsync(form, null, DateOnly.FromDateTime(now), ct);
        var allocation = BedAllocator.Suggest(need, beds.Select(b => b.Bed));
        var withoutBed = db.Residents.AsNoTracking().Where(r => !db.Stays.Any(s => s.ResidentId == r.Id && s.EndedAt == null));
        if (await scope.ResidentIdsAsync(ct) is { } reachable) withoutBed = withoutBed.Where(r => reachable.Contains(r.Id));
        var waiting = await withoutBed
            .OrderByDescending(r => r.RegisteredAt).Take(50)
            .Select(r => new ResidentWithoutBed(r.Id, r.Alias, r.Children.Count))
            .ToListAsync(ct);
        return new CheckInPage(form, allocation, FreeBeds.ToOffer(beds), waiting, bedNoLongerFree);
    }

    public async Task<CheckInResult> HandleAsync(CheckInForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Resident? existing = null;
        List<int> newChildAges = [];
        if (form.ResidentId is int residentId)
        {
            existing = await db.Residents.Include(r => r.Children).FirstOrDefaultAsync(r => r.Id == residentId, ct);
            if (existing is null) return CheckInResult.Invalid("That resident could not be found.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(form.Alias)) return CheckInResult.Invalid("Enter the name she wants to be called, or choose a woman already known.");
            newChildAges = ChildAges.Parse(form.ChildAges, out var ageError);
            if (ageError is not null) return CheckInResult.Invalid(ageError);
        }
        if (form.Conditions is not null && form.AgreedEndOn is null)
            return CheckInResult.Invalid("Conditions go with an agreed end date: set the date too.");
        var childCount = existing?.Children.Count ?? newChildAges.Count;
        var need = await NeedAsync(form, existing, DateOnly.FromDateTime(now), ct);
        var newChildSexes = existing is null ? ChildAges.SexesOf(newChildAges, form.SonsAges) : [];

        await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
        await BedLock.TakeAsync(db, ct);
        if (existing is not null && await db.Stays.AnyAsync(s => s.ResidentId == existing.Id && s.EndedAt == null, ct))
            return CheckInResult.Invalid("She already has a bed. Use Move to change it.");

        var (sites, beds) = await states.LoadAsync(now, ct);
        var allocation = BedAllocator.Suggest(need, beds.Select(b => b.Bed));

        BedNow chosen;
        List<int> bedIds;
        if (form.BedId is int bedId)
        {
            var bed = beds.FirstOrDefault(b => b.Bed.BedId == bedId);
            if (bed is null) return CheckInResult.Invalid("That bed does not exist.");
            if (bed.Bed.State is BedState.Occupied or BedState.OutOfService)
                return new CheckInResult(CheckInStatus.BedNoLongerFree, null, ["That bed is no longer free."], allocation);
            var childBeds = FreeBeds.BesideHer(beds, bed, childCount);
            // Too small is not "taken": say exactly that and keep what was chosen and typed.
            if (childBeds.Count < childCount)
                return CheckInResult.Invalid($"{bed.Bed.RoomName} is too small for her and her {childCount} {(childCount == 1 ? "child" : "children")}: it has {childBeds.Count + 1} free {(childBeds.Count == 0 ? "bed" : "beds")}, she needs {childCount + 1}. Choose a bigger room{(allocation.Suggestion?.AcrossAdjacentRooms == true || allocation.AdjacentRoomsWouldFit ? ", or rooms side by side if she agrees" : "")}.");
            if (need.OlderSons > 0 && bed.Bed.RoomKind == RoomKind.Shared)
                return CheckInResult.Invalid($"{bed.Bed.RoomName} is a women's shared room: her son is too old to sleep there. Choose a family or single room, or rooms side by side if she agrees.");
            if (allocation.Suggestion?.BedId != bedId && string.IsNullOrWhiteSpace(form.OverrideReason))
                return CheckInResult.Invalid("You chose another bed than the suggested one: say why.");
            chosen = bed;
            bedIds = childBeds.Select(b => b.Bed.BedId).Prepend(bedId).ToList();
        }
        else if (allocation.Suggestion is { } suggestion)
        {
            chosen = beds.First(b => b.Bed.BedId == suggestion.BedId);
            bedIds = suggestion.BedIds.ToList();
        }
        else
        {
            return CheckInResult.Invalid(allocation.Reason + " Offer a safe room at a partner or the waiting list.");
        }

        var site = sites.First(s => s.Id == chosen.Bed.SiteId);
        if (form.AgreedEndOn is DateOnly agreed && agreed <= SiteTime.Today(site.TimeZoneId, now))
            return CheckInResult.Invalid("The agreed end must be after today.");

        var resident = existing ?? new Resident { Alias = form.Alias!.Trim(), RegisteredAt = now, ConsentToKeepData = true };
        resident.NeedsAccessibleRoom = form.NeedsAccessibleRoom;
        resident.HighRisk = form.HighRisk;
        if (existing is null)
        {
            for (var i = 0; i < newChildAges.Count; i++)
                resident.Children.Add(new Child { Alias = $"Child of {resident.Alias}", AgeAtArrival = newChildAges[i], Sex = newChildSexes[i], ArrivedOn = DateOnly.FromDateTime(now) });
            db.Residents.Add(resident);
        }
        var overridden = allocation.Suggestion?.BedId != chosen.Bed.BedId;

        try
        {
            if (existing is null)
            {
                await db.SaveChangesAsync(ct);
            }
            var hers = await placement.PlaceAsync(new PlacementRequest(resident, chosen, bedIds, site, form.AgreedEndOn, form.Conditions,
                overridden ? allocation.Suggestion?.BedId : null, overridden ? form.OverrideReason : null,
                AcrossAdjacentRoomsByHerChoice: bedIds.Select(id => beds.First(b => b.Bed.BedId == id).Bed.RoomId).Distinct().Count() > 1), now, ct);
            await tx.CommitAsync(ct);
            return new CheckInResult(CheckInStatus.CheckedIn, hers.Id, [], allocation);
        }
        catch (DbUpdateException)
        {
            // The unique index said no: someone took the bed between our read and our write.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new CheckInResult(CheckInStatus.BedNoLongerFree, null, ["That bed is no longer free."], null);
        }
    }

    /// <summary>Her household as the allocator weighs it: children, older sons (if she said which are boys), her needs and her choice.</summary>
    private async Task<HousingNeed> NeedAsync(CheckInForm form, Resident? known, DateOnly today, CancellationToken ct)
    {
        IReadOnlyList<(int? Age, ChildSex? Sex)> children;
        if (known is not null) children = known.Children.Select(c => (c.AgeOn(today), c.Sex)).ToList();
        else if (form.ResidentId is int rid)
            children = (await db.Children.AsNoTracking().Where(c => c.ResidentId == rid).ToListAsync(ct)).Select(c => (c.AgeOn(today), c.Sex)).ToList();
        else
        {
            var ages = ChildAges.Parse(form.ChildAges, out _);
            children = ages.Zip(ChildAges.SexesOf(ages, form.SonsAges), (a, s) => ((int?)a, s)).ToList();
        }
        var olderSons = children.Count(c => c.Sex == ChildSex.Boy && c.Age > BedAllocator.BoysInSharedRoomsUpToAge);
        return new HousingNeed(children.Count, form.NeedsAccessibleRoom, form.HighRisk, OlderSons: olderSons, AgreesToAdjacentRooms: form.AgreesToAdjacentRooms);
    }
}
