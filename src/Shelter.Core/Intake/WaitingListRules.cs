using Shelter.Core.Beds;
using Shelter.Core.Text;

namespace Shelter.Core.Intake;

/// <summary>How long a place on the waiting list stays true without contact.</summary>
public sealed record WaitingListTerms(int FollowUpAfterDays = 7, int LapsesAfterDays = 14, int AttemptsBeforeNoContact = 3);

/// <summary>
/// A waiting list that stays true: a woman leaves it only for a reason from a closed list; "no
/// contact" needs the attempts to have been made and recorded; a place without contact raises a
/// follow-up before it lapses, and a lapsed place no longer counts as a woman a bed fits.
/// </summary>
public static class WaitingListRemoval
{
    /// <summary>The reasons staff may choose; admission and referral close a place by themselves too.</summary>
    public static readonly IReadOnlyList<WaitingClosed> Reasons =
        [WaitingClosed.HousedElsewhere, WaitingClosed.NoContact, WaitingClosed.HerChoice, WaitingClosed.Referred];

    /// <summary>Why she cannot be taken off the list for this reason yet, or null when she can.</summary>
    public static Said? Refusal(WaitingClosed reason, int unansweredAttemptsSinceLastContact, WaitingListTerms terms)
    {
        if (!Reasons.Contains(reason)) return new Said("Choose one of the reasons on the list.");
        if (reason == WaitingClosed.NoContact && unansweredAttemptsSinceLastContact < terms.AttemptsBeforeNoContact)
            return new Said("Record {0} tries to reach her first ({1} so far since she was last reached).",
                terms.AttemptsBeforeNoContact, unansweredAttemptsSinceLastContact);
        return null;
    }

    /// <summary>The last time anyone was in touch with her: her intake counts as a contact.</summary>
    public static DateTime LastContact(WaitingEntry entry) => entry.LastContactAt is { } at && at > entry.Since ? at : entry.Since;

    public static DateTime FollowUpDue(WaitingEntry entry, WaitingListTerms terms) =>
        Validation.InputBounds.AddDaysSaturating(LastContact(entry), terms.FollowUpAfterDays);

    public static DateTime LapsesAt(WaitingEntry entry, WaitingListTerms terms) =>
        Validation.InputBounds.AddDaysSaturating(LastContact(entry), terms.LapsesAfterDays);

    public static bool NeedsFollowUp(WaitingEntry entry, DateTime now, WaitingListTerms terms) => entry.ClosedAt is null
        && now >= FollowUpDue(entry, terms);

    public static bool Lapsed(WaitingEntry entry, DateTime now, WaitingListTerms terms) => entry.ClosedAt is null
        && now >= LapsesAt(entry, terms);
}

/// <summary>How many free beds fit women on the waiting list, and how many women they fit: a notice counts both.</summary>
public sealed record BedsThatFit(int Beds, int Women);

public static class WaitingListFit
{
    /// <summary>
    /// A bed counts once however many women it could take; a woman counts when some free room
    /// holds her with her children. Beds are counted per room, as the allocator places a family.
    /// </summary>
    public static BedsThatFit Count(IReadOnlyList<HousingNeed> women, IReadOnlyList<BedCandidate> beds)
    {
        var rooms = beds.Where(b => b.State == BedState.Free).GroupBy(b => b.RoomId).Select(g => g.ToList()).ToList();
        var fittingBeds = new HashSet<int>();
        var fittingWomen = 0;
        foreach (var need in women)
        {
            var fitsSomewhere = false;
            foreach (var room in rooms)
            {
                if (BedAllocator.Suggest(need, room).Suggestion is not { } s) continue;
                fitsSomewhere = true;
                fittingBeds.UnionWith(room.Select(b => b.BedId));
            }
            if (fitsSomewhere) fittingWomen++;
        }
        return new BedsThatFit(fittingBeds.Count, fittingWomen);
    }
}
