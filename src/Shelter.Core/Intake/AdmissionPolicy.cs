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

public sealed record AdmissionDecision(
    IntakeOutcome Outcome,
    OutcomeReason? Reason,
    BedSuggestion? Beds,
    PartnerProposalResult? Proposal,
    string Explanation)
{
    public DirectoryEntry? ProposedPartner => Proposal?.First?.Partner;
}

/// <summary>
/// Turns an intake and tonight's capacity into one outcome. The outcome reads only what housing
/// needs: her children (to keep them with her), an accessible need, her risk, her choice, her
/// health now. It is total: every intake gets an outcome, and anything but a bed carries a reason
/// and a proposal. The proposal (<see cref="PartnerProposal"/>) reads everything a partner must
/// accept, so that she is never sent to a partner that would turn her away.
/// </summary>
public static class AdmissionPolicy
{
    public static AdmissionDecision Decide(IntakeAnswers intake, IReadOnlyList<BedCandidate> beds, PartnerDirectory partners)
    {
        var need = new HousingNeed(intake.ChildAges.Count, intake.NeedsAccessibleRoom, intake.HighRisk,
            OlderSons: intake.ChildAges.Where((age, i) => i < intake.ChildSexes.Count && intake.ChildSexes[i] == Residents.ChildSex.Boy && age > BedAllocator.BoysInSharedRoomsUpToAge).Count());
        var her = PartnerNeeds.From(intake);
        PartnerProposalResult Propose(params PartnerKind[] kinds) => PartnerProposal.Propose(her, partners.Entries, kinds, partners.RefusedHer, partners.BarrierLog);

        if (intake.NeedsHospitalCareNow)
        {
            var medical = Propose(PartnerKind.Medical);
            return new(IntakeOutcome.Referral, OutcomeReason.NeedsHospitalCareNow, null, medical,
                "She needs hospital care now: refer her" + To(medical) + ". Her place here can follow.");
        }
        if (intake.LeftBeforeDecision)
        {
            var outreach = Propose(PartnerKind.HarmReduction, PartnerKind.CrisisCentre);
            return new(IntakeOutcome.WaitingList, OutcomeReason.LeftBeforeDecision, null, outreach,
                "She left before a decision: she keeps her place on the waiting list" + (outreach.First is { } o ? $"; {o.Partner.Name} can reach out." : "."));
        }
        if (intake.Choice == HerChoice.AnotherOption)
        {
            var chosen = Propose(PartnerKind.Shelter, PartnerKind.CrisisCentre, PartnerKind.HarmReduction);
            return new(IntakeOutcome.Referral, OutcomeReason.SheChoseAnotherOption, null, chosen,
                "She chose another option: refer her" + To(chosen) + ".");
        }

        var allocation = BedAllocator.Suggest(need, beds);
        if (allocation.Suggestion is { } suggestion)
        {
            if (!suggestion.IsSafeRoom)
                return new(IntakeOutcome.Bed, null, suggestion, null, allocation.Reason);
            var reason = intake.HighRisk ? OutcomeReason.SafetyFirst : OutcomeReason.NoFittingCapacity;
            var onward = intake.HighRisk ? null : Propose(PartnerKind.Shelter, PartnerKind.CrisisCentre);
            return new(IntakeOutcome.SafeRoom, reason, suggestion, onward,
                allocation.Reason + (onward?.First is { } o ? $" For a longer stay, propose {o.Partner.Name}." : ""));
        }

        var partner = Propose(PartnerKind.Shelter, PartnerKind.CrisisCentre);
        return new(IntakeOutcome.WaitingList, OutcomeReason.NoFittingCapacity, null, partner,
            allocation.Reason + " She goes on the waiting list" + (partner.First is { } p ? $", and {p.Partner.Name} is proposed meanwhile." : "; no partner in the directory is known to take what she needs: reach out."));
    }

    private static string To(PartnerProposalResult proposal) =>
        proposal.First is { } p ? $" to {p.Partner.Name}" : " (no partner in the directory is known to take what she needs: reach out)";
}
