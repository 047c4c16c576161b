using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Shelter.Core.Beds;
using Shelter.Core.Data;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Validation;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Integrity;
using Shelter.Web.Infrastructure.Localization;

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

/// <summary>What a check-in made: her stay, and the allocation it followed.</summary>
public sealed record CheckedIn(int StayId, Allocation? Next);

public sealed record ResidentWithoutBed(int Id, string Alias, int Children);

public sealed record CheckInPage(CheckInForm Form, Allocation? Suggestion, IReadOnlyList<BedNow> FreeBeds,
    IReadOnlyList<ResidentWithoutBed> Waiting, bool BedNoLongerFree = false);

/// <summary>
/// Puts a woman (and her children, in the same room) into beds. The read of what is free and
/// the write of her stays happen in one IMMEDIATE transaction, and the unique index on active
/// stays per bed refuses a second woman even if that were ever bypassed.
/// </summary>
public sealed class CheckIn(ShelterDbContext db, BedStates states, SiteScope scope, Placement placement, TimeProvider clock,
    IStringLocalizer<SharedResource> L)
{
    /// <summary>The refusal that means someone else took the bed first: the page offers the next one.</summary>
    public const string BedTaken = "That bed is no longer free.";

    /// <summary>Who she is and the children who come with her, once the form holds together.</summary>
    private sealed record Arrival(Resident? Existing, List<int> NewChildAges);

    /// <summary>The bed she takes and her children's beds beside it.</summary>
    private sealed record Choice(BedNow Bed, List<int> BedIds);

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
        withoutBed = await scope.OnlyReachableAsync(withoutBed, ct);
        var waiting = await withoutBed
            .OrderByDescending(r => r.RegisteredAt).Take(50)
            .Select(r => new ResidentWithoutBed(r.Id, r.Alias, r.Children.Count))
            .ToListAsync(ct);
        return new CheckInPage(form, allocation, FreeBeds.ToOffer(beds), waiting, bedNoLongerFree);
    }

    public async Task<Outcome<CheckedIn>> HandleAsync(CheckInForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (arrival, refusal) = await ArrivalAsync(form, ct);
        if (refusal is not null) return Outcome.Refused<CheckedIn>(refusal);
        var existing = arrival!.Existing;
        var childCount = existing?.Children.Count ?? arrival.NewChildAges.Count;
        var need = await NeedAsync(form, existing, DateOnly.FromDateTime(now), ct);

        await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
        await BedLock.TakeAsync(db, ct);
        if (existing is not null && await db.Stays.AnyAsync(s => s.ResidentId == existing.Id && s.EndedAt == null, ct))
            return Outcome.Refused<CheckedIn>("She already has a bed. Use Move to change it.");

        var (sites, beds) = await states.LoadAsync(now, ct);
        var allocation = BedAllocator.Suggest(need, beds.Select(b => b.Bed));
        var (choice, notThisBed) = Choose(form, beds, allocation, need, childCount);
        if (notThisBed is not null) return Outcome.Refused<CheckedIn>(notThisBed);

        var site = sites.First(s => s.Id == choice!.Bed.Bed.SiteId);
        if (form.AgreedEndOn is DateOnly agreed && agreed <= SiteTime.Today(site.TimeZoneId, now))
            return Outcome.Refused<CheckedIn>("The agreed end must be after today.");

        var resident = Her(form, arrival, now);
        return await PlaceAsync(tx, form, resident, existing is null, choice!, site, beds, allocation, now, ct);
    }

    /// <summary>The woman already known, or the new one's children's ages; or why the form cannot be used.</summary>
    private async Task<(Arrival? Arrival, string? Refusal)> ArrivalAsync(CheckInForm form, CancellationToken ct)
    {
        Resident? existing = null;
        List<int> newChildAges = [];
        if (form.ResidentId is int residentId)
        {
            existing = await db.Residents.Include(r => r.Children).FirstOrDefaultAsync(r => r.Id == residentId, ct);
            if (existing is null) return (null, "That resident could not be found.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(form.Alias))
                return (null, "Enter the name she wants to be called, or choose a woman already known.");
            newChildAges = ChildAges.Parse(form.ChildAges, out var ageError);
            if (ageError is not null) return (null, L.Say(ageError));
        }
        if (form.Conditions is not null && form.AgreedEndOn is null)
            return (null, "Conditions go with an agreed end date: set the date too.");
        return (new Arrival(existing, newChildAges), null);
    }

    /// <summary>The bed the worker chose (if it holds her family) or the suggested one; or why not.</summary>
    private (Choice? Choice, string? Refusal) Choose(CheckInForm form, IReadOnlyList<BedNow> beds,
        Allocation allocation, HousingNeed need, int childCount)
    {
        if (form.BedId is not int bedId)
        {
            return allocation.Suggestion is { } suggestion
                ? (new Choice(beds.First(b => b.Bed.BedId == suggestion.BedId), suggestion.BedIds.ToList()), null)
                : (null, L.Say(allocation.Says) + " " + L["Offer a safe room at a partner or the waiting list."].Value);
        }
        var bed = beds.FirstOrDefault(b => b.Bed.BedId == bedId);
        if (bed is null) return (null, "That bed does not exist.");
        if (bed.Bed.State is BedState.Occupied or BedState.OutOfService) return (null, BedTaken);
        var childBeds = FreeBeds.BesideHer(beds, bed, childCount);
        // Too small is not "taken": say exactly that and keep what was chosen and typed.
        if (childBeds.Count < childCount) return (null, TooSmall(bed, childCount, childBeds.Count + 1, allocation));
        if (need.OlderSons > 0 && bed.Bed.RoomKind == RoomKind.Shared)
            return (null, L["{0} is a women's shared room: her son is too old to sleep there. "
                + "Choose a family or single room, or rooms side by side if she agrees.", bed.Bed.RoomName].Value);
        if (allocation.Suggestion?.BedId != bedId && string.IsNullOrWhiteSpace(form.OverrideReason))
            return (null, "You chose another bed than the suggested one: say why.");
        return (new Choice(bed, childBeds.Select(b => b.Bed.BedId).Prepend(bedId).ToList()), null);
    }

    /// <summary>"Small one is too small for her and her 2 children: it has 1 free bed, she needs 3. Choose a bigger room."</summary>
    private string TooSmall(BedNow bed, int childCount, int free, Allocation allocation)
    {
        var room = bed.Bed.RoomName;
        var tooSmall = (childCount, free) switch
        {
            (1, _) => L["{0} is too small for her and her 1 child: it has 1 free bed, she needs 2.", room],
            (_, 1) => L["{0} is too small for her and her {1} children: it has 1 free bed, she needs {2}.",
                room, childCount, childCount + 1],
            _ => L["{0} is too small for her and her {1} children: it has {2} free beds, she needs {3}.",
                room, childCount, free, childCount + 1],
        };
        var sideBySide = allocation.Suggestion?.AcrossAdjacentRooms == true || allocation.AdjacentRoomsWouldFit;
        var choose = sideBySide ? L["Choose a bigger room, or rooms side by side if she agrees."] : L["Choose a bigger room."];
        return tooSmall.Value + " " + choose.Value;
    }

    /// <summary>The woman already known with her needs as the form says, or a new record with her children.</summary>
    private Resident Her(CheckInForm form, Arrival arrival, DateTime now)
    {
        var resident = arrival.Existing ?? new Resident { Alias = form.Alias!.Trim(), RegisteredAt = now, ConsentToKeepData = true };
        resident.NeedsAccessibleRoom = form.NeedsAccessibleRoom;
        resident.HighRisk = form.HighRisk;
        if (arrival.Existing is null)
        {
            var ages = arrival.NewChildAges;
            var sexes = ChildAges.SexesOf(ages, form.SonsAges);
            for (var i = 0; i < ages.Count; i++)
                resident.Children.Add(new Child
                {
                    // Stored in the words of the worker who checked her in, as a name she gave would be.
                    Alias = L["Child of {0}", resident.Alias].Value,
                    AgeAtArrival = ages[i], Sex = sexes[i], ArrivedOn = DateOnly.FromDateTime(now)
                });
            db.Residents.Add(resident);
        }
        return resident;
    }

    /// <summary>Writes her stays and commits; the unique index on active stays turns a lost race into "no longer free".</summary>
    private async Task<Outcome<CheckedIn>> PlaceAsync(IDbContextTransaction tx, CheckInForm form,
        Resident resident, bool isNew, Choice choice,
        SiteNow site, IReadOnlyList<BedNow> beds, Allocation allocation, DateTime now, CancellationToken ct)
    {
        var overridden = allocation.Suggestion?.BedId != choice.Bed.Bed.BedId;
        try
        {
            if (isNew)
            {
                await db.SaveChangesAsync(ct);
            }
            var acrossRooms = choice.BedIds.Select(id => beds.First(b => b.Bed.BedId == id).Bed.RoomId).Distinct().Count() > 1;
            var hers = await placement.PlaceAsync(new PlacementRequest(resident, choice.Bed, choice.BedIds, site,
                form.AgreedEndOn, form.Conditions,
                overridden ? allocation.Suggestion?.BedId : null, overridden ? form.OverrideReason : null,
                AcrossAdjacentRoomsByHerChoice: acrossRooms), now, ct);
            await tx.CommitAsync(ct);
            return Outcome.Made(new CheckedIn(hers.Id, allocation));
        }
        catch (DbUpdateException)
        {
            // The unique index said no: someone took the bed between our read and our write.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome.Refused<CheckedIn>(BedTaken);
        }
    }

    /// <summary>Her household as the allocator weighs it: children, older sons (if she said which are boys), her needs and her
    /// choice.</summary>
    private async Task<HousingNeed> NeedAsync(CheckInForm form, Resident? known, DateOnly today, CancellationToken ct)
    {
        IReadOnlyList<(int? Age, ChildSex? Sex)> children;
        if (known is not null) children = known.Children.Select(c => (c.AgeOn(today), c.Sex)).ToList();
        else if (form.ResidentId is int rid)
            children = (await db.Children.AsNoTracking().Where(c => c.ResidentId == rid).ToListAsync(ct))
                .Select(c => (c.AgeOn(today), c.Sex)).ToList();
        else
        {
            var ages = ChildAges.Parse(form.ChildAges, out _);
            children = ages.Zip(ChildAges.SexesOf(ages, form.SonsAges), (a, s) => ((int?)a, s)).ToList();
        }
        var olderSons = children.Count(c => c.Sex == ChildSex.Boy && c.Age > BedAllocator.BoysInSharedRoomsUpToAge);
        return new HousingNeed(children.Count, form.NeedsAccessibleRoom, form.HighRisk, OlderSons: olderSons,
            AgreesToAdjacentRooms: form.AgreesToAdjacentRooms);
    }
}
