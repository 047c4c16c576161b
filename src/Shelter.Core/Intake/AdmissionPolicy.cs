using Shelter.Core.Beds;
using Shelter.Core.Partners;

namespace Shelter.Core.Intake;

/// <summary>No one is turned away empty-handed: every intake ends in one of these.</summary>
public enum IntakeOutcome
{
    Bed = 1,
    SafeRoom = 2,
    WaitingList = 3,
    Referral = 4,
}

/// <summary>
/// Why an intake did not end in a bed. A closed list on purpose: drug use, OST, HIV or ART,
/// hepatitis or TB, sex work, children, missing documents, no COVID/PCR test, gender identity,
/// migrant or Roma background and a criminal record cannot be written down as a reason,
/// because no value here means any of them, and there is no free-text reason field.
/// </summary>
public enum OutcomeReason
{
    NoFittingCapacity = 1,
    SheChoseAnotherOption = 2,
    NeedsHospitalCareNow = 3,
    LeftBeforeDecision = 4,
    /// <summary>High risk: a safe room first, for her safety, not for lack of a bed.</summary>
    SafetyFirst = 5,
}

/// <summary>A partner the policy may propose, with what it takes.</summary>
public sealed record PartnerOption(int Id, string Name, PartnerKind Kind, PartnerAccepts Accepts);

public sealed record AdmissionDecision(
    IntakeOutcome Outcome,
    OutcomeReason? Reason,
    BedSuggestion? Beds,
    PartnerOption? ProposedPartner,
    string Explanation);

/// <summary>
/// Turns an intake and tonight's capacity into one outcome. It reads only what housing needs:
/// her children (to keep them with her), an accessible need, her risk, her choice, her health
/// now. It is total: every intake gets an outcome, and anything but a bed carries a reason
/// and a proposal.
/// </summary>
public static class AdmissionPolicy
{
    public static AdmissionDecision Decide(IntakeAnswers intake, IReadOnlyList<BedCandidate> beds, IReadOnlyList<PartnerOption> partners)
    {
        var need = new HousingNeed(intake.ChildAges.Count, intake.NeedsAccessibleRoom, intake.HighRisk);

        if (intake.NeedsHospitalCareNow)
        {
            var medical = Propose(partners, need, PartnerKind.Medical);
            return new(IntakeOutcome.Referral, OutcomeReason.NeedsHospitalCareNow, null, medical,
                "She needs hospital care now: refer her" + To(medical) + ". Her place here can follow.");
        }
        if (intake.LeftBeforeDecision)
        {
            var outreach = Propose(partners, need, PartnerKind.HarmReduction, PartnerKind.CrisisCentre);
            return new(IntakeOutcome.WaitingList, OutcomeReason.LeftBeforeDecision, null, outreach,
                "She left before a decision: she keeps her place on the waiting list" + (outreach is null ? "." : $"; {outreach.Name} can reach out."));
        }
        if (intake.Choice == HerChoice.AnotherOption)
        {
            var chosen = Propose(partners, need, PartnerKind.Shelter, PartnerKind.CrisisCentre, PartnerKind.HarmReduction);
            return new(IntakeOutcome.Referral, OutcomeReason.SheChoseAnotherOption, null, chosen,
                "She chose another option: refer her" + To(chosen) + ".");
        }

        var allocation = BedAllocator.Suggest(need, beds);
        if (allocation.Suggestion is { } suggestion)
        {
            if (!suggestion.IsSafeRoom)
                return new(IntakeOutcome.Bed, null, suggestion, null, allocation.Reason);
            var reason = intake.HighRisk ? OutcomeReason.SafetyFirst : OutcomeReason.NoFittingCapacity;
            var onward = intake.HighRisk ? null : Propose(partners, need, PartnerKind.Shelter, PartnerKind.CrisisCentre);
            return new(IntakeOutcome.SafeRoom, reason, suggestion, onward,
                allocation.Reason + (onward is null ? "" : $" For a longer stay, propose {onward.Name}."));
        }

        var partner = Propose(partners, need, PartnerKind.Shelter, PartnerKind.CrisisCentre);
        return new(IntakeOutcome.WaitingList, OutcomeReason.NoFittingCapacity, null, partner,
            allocation.Reason + " She goes on the waiting list" + (partner is null ? "; no partner in the directory takes what she needs." : $", and {partner.Name} is proposed meanwhile."));
    }

    /// <summary>The first partner of the wanted kinds (in that order) that takes her with her children and needs.</summary>
    private static PartnerOption? Propose(IReadOnlyList<PartnerOption> partners, HousingNeed need, params PartnerKind[] kinds) =>
        kinds.SelectMany(kind => partners.Where(p => p.Kind == kind).OrderBy(p => p.Name, StringComparer.Ordinal))
            .FirstOrDefault(p => (need.Children == 0 || p.Accepts.HasFlag(PartnerAccepts.WomenWithChildren))
                && (!need.NeedsAccessibleRoom || p.Accepts.HasFlag(PartnerAccepts.Wheelchair)));

    private static string To(PartnerOption? partner) => partner is null ? " (no fitting partner is in the directory yet)" : $" to {partner.Name}";
}
