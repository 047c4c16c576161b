using Shelter.Core.Beds;
using Shelter.Core.Partners;
using Shelter.Core.Text;

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
    Said Says)
{
    /// <summary>Why it ended so, in English.</summary>
    public string Explanation => Says.ToString();

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
        var need = HousingNeedOf(intake);
        var her = PartnerNeeds.From(intake);
        PartnerProposalResult Propose(params PartnerKind[] kinds) =>
            PartnerProposal.Propose(her, partners.Entries, kinds, partners.RefusedHer, partners.BarrierLog);

        if (intake.NeedsHospitalCareNow)
        {
            var medical = Propose(PartnerKind.Medical);
            return new(IntakeOutcome.Referral, OutcomeReason.NeedsHospitalCareNow, null, medical, medical.First is { } m
                ? new Said("She needs hospital care now: refer her to {0}. Her place here can follow.", m.Partner.Name)
                : new Said("She needs hospital care now: refer her (no partner in the directory is known to take what she needs: "
                    + "reach out). "
                    + "Her place here can follow."));
        }
        if (intake.LeftBeforeDecision)
        {
            var outreach = Propose(PartnerKind.HarmReduction, PartnerKind.CrisisCentre);
            return new(IntakeOutcome.WaitingList, OutcomeReason.LeftBeforeDecision, null, outreach, outreach.First is { } o
                ? new Said("She left before a decision: she keeps her place on the waiting list; {0} can reach out.", o.Partner.Name)
                : new Said("She left before a decision: she keeps her place on the waiting list."));
        }
        if (intake.Choice == HerChoice.AnotherOption)
        {
            var chosen = Propose(PartnerKind.Shelter, PartnerKind.CrisisCentre, PartnerKind.HarmReduction);
            return new(IntakeOutcome.Referral, OutcomeReason.SheChoseAnotherOption, null, chosen, chosen.First is { } c
                ? new Said("She chose another option: refer her to {0}.", c.Partner.Name)
                : new Said("She chose another option: refer her (no partner in the directory is known to take what she needs: "
                    + "reach out)."));
        }

        var allocation = BedAllocator.Suggest(need, beds);
        if (allocation.Suggestion is { } suggestion)
        {
            if (!suggestion.IsSafeRoom)
                return new(IntakeOutcome.Bed, null, suggestion, null, allocation.Says);
            var reason = intake.HighRisk ? OutcomeReason.SafetyFirst : OutcomeReason.NoFittingCapacity;
            var onward = intake.HighRisk ? null : Propose(PartnerKind.Shelter, PartnerKind.CrisisCentre);
            return new(IntakeOutcome.SafeRoom, reason, suggestion, onward,
                Said.Join(allocation.Says, onward?.First is { } o ? new Said("For a longer stay, propose {0}.", o.Partner.Name) : null));
        }

        var partner = Propose(PartnerKind.Shelter, PartnerKind.CrisisCentre);
        return new(IntakeOutcome.WaitingList, OutcomeReason.NoFittingCapacity, null, partner,
            Said.Join(allocation.Says, partner.First is { } p
            ? new Said("She goes on the waiting list, and {0} is proposed meanwhile.", p.Partner.Name)
            : new Said("She goes on the waiting list; no partner in the directory is known to take what she needs: reach out.")));
    }

    /// <summary>What the bed allocator reads of her: her children (sons past the shared-room age counted), access, risk.</summary>
    private static HousingNeed HousingNeedOf(IntakeAnswers intake) =>
        new(intake.ChildAges.Count, intake.NeedsAccessibleRoom, intake.HighRisk,
            OlderSons: intake.ChildAges.Where((age, i) => i < intake.ChildSexes.Count && intake.ChildSexes[i] == Residents.ChildSex.Boy
                && age > BedAllocator.BoysInSharedRoomsUpToAge).Count());
}
