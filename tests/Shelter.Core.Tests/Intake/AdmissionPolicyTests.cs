using Shelter.Core.Beds;
using Shelter.Core.Intake;
using Shelter.Core.Partners;
using Shelter.Core.Sites;
using Shelter.Core.Tests.Beds;

namespace Shelter.Core.Tests.Intake;

public class AdmissionPolicyTests
{
    private static readonly DirectoryEntry CrisisCentre = new(1, "Crisis Centre", PartnerKind.CrisisCentre)
    {
        Children = Acceptance.Yes,
        Ost = Acceptance.Yes
    };
    private static readonly DirectoryEntry Hospital = new(2, "Hospital", PartnerKind.Medical);
    private static readonly DirectoryEntry Outreach = new(3, "Outreach", PartnerKind.HarmReduction) { DrugUse = Acceptance.Yes };
    private static readonly DirectoryEntry AdultsOnly = new(4, "Adults Only Shelter", PartnerKind.Shelter) { Children = Acceptance.No };
    private static readonly PartnerDirectory Partners = new([AdultsOnly, CrisisCentre, Hospital, Outreach], [], []);

    private static readonly (HitsScreening Positive, HitsScreening Negative) Hits =
        (HitsScreening.Create(4, 4, 4, 4).Screening!, HitsScreening.Create(1, 2, 1, 2).Screening!);

    private static IReadOnlyList<BedCandidate> Roomy() => new BedNetworkBuilder()
        .Room("Family", RoomKind.Family, 4).Room("Shared", RoomKind.Shared, 4).Room("Accessible", RoomKind.Accessible, 2)
            .Room("Safe room", RoomKind.SafeRoom, 2).Build();
    private static IReadOnlyList<BedCandidate> OnlySafeRoomFree() => new BedNetworkBuilder()
        .Room("Shared", RoomKind.Shared, 2, BedState.Occupied, BedState.Occupied).Room("Safe room", RoomKind.SafeRoom, 2).Build();
    private static IReadOnlyList<BedCandidate> Full() => new BedNetworkBuilder()
        .Room("Shared", RoomKind.Shared, 2, BedState.Occupied, BedState.Occupied)
            .Room("Safe room", RoomKind.SafeRoom, 1, BedState.Occupied).Build();
    private static IReadOnlyList<BedCandidate> OneSingleBed() => new BedNetworkBuilder().Room("Single", RoomKind.Single, 1).Build();

    public static IEnumerable<(string Name, IntakeAnswers Intake)> Intakes()
    {
        yield return ("alone", new IntakeAnswers());
        yield return ("mother of two", new IntakeAnswers { ChildAges = [3, 8] });
        yield return ("high risk by HITS", new IntakeAnswers { Hits = Hits.Positive });
        yield return ("negative HITS, in danger now", new IntakeAnswers { Hits = Hits.Negative, InDangerNow = true });
        yield return ("wheelchair user", new IntakeAnswers { NeedsAccessibleRoom = true });
        yield return ("chose another option", new IntakeAnswers { Choice = HerChoice.AnotherOption });
        yield return ("needs hospital", new IntakeAnswers { NeedsHospitalCareNow = true, ChildAges = [5] });
        yield return ("left before a decision", new IntakeAnswers { LeftBeforeDecision = true });
        yield return ("pregnant, no safety plan", new IntakeAnswers { Pregnant = true, HasSafetyPlan = Answer.No });
    }

    public static IEnumerable<(string Name, IReadOnlyList<BedCandidate> Beds)> Capacities()
    {
        yield return ("roomy", Roomy());
        yield return ("only a safe room free", OnlySafeRoomFree());
        yield return ("full", Full());
        yield return ("one single bed", OneSingleBed());
    }

    /// <summary>Every combination of the protected answers the form asks, applied to one intake.</summary>
    private static IEnumerable<IntakeAnswers> WithEveryProtectedCombination(IntakeAnswers intake)
    {
        Answer[] answers = [Answer.NotSaid, Answer.Yes, Answer.No];
        string?[] identities = [null, "woman", "trans woman", "non-binary"];
        string?[] languages = [null, "Romani, Russian"];
        var documents = Enum.GetValues<MissingDocuments>().Where(d => d != MissingDocuments.None).ToArray();
        for (var mask = 0; mask < 1 << documents.Length; mask++)
        {
            var missing = documents.Where((_, i) => (mask & (1 << i)) != 0).Aggregate(MissingDocuments.None, (all, d) => all | d);
            foreach (var ost in answers)
                foreach (var art in answers)
                    foreach (var enough in answers)
                        foreach (var identity in identities)
                            foreach (var language in languages)
                                foreach (var trans in new[] { false, true })
                                    yield return intake with
                                    {
                                        TakesOst = ost,
                                        TakesArt = art,
                                        HasEnoughMedication = enough,
                                        MissingDocuments = missing,
                                        GenderIdentity = identity,
                                        Languages = language,
                                        TransWoman = trans
                                    };
        }
    }

    /// <summary>
    /// The outcome, its reason and the beds never move; the proposed partner may, and must (rule 11):
    /// a woman on OST is not sent to a shelter that refuses OST. PartnerProposalTests prove that side.
    /// </summary>
    [Fact]
    public void Non_discrimination_no_combination_of_protected_attributes_ever_changes_the_outcome()
    {
        var checkedDecisions = 0;
        foreach (var (name, intake) in Intakes())
            foreach (var (capacity, beds) in Capacities())
            {
                var baseline = AdmissionPolicy.Decide(intake, beds, Partners);
                foreach (var variant in WithEveryProtectedCombination(intake))
                {
                    var decision = AdmissionPolicy.Decide(variant, beds, Partners);
                    if (decision.Outcome != baseline.Outcome || decision.Reason != baseline.Reason
                        || decision.Beds?.BedIds.SequenceEqual(baseline.Beds!.BedIds) == false
                        || (decision.Proposal is null) != (baseline.Proposal is null))
                        Assert.Fail($"{name} / {capacity}: {variant} got {decision.Outcome} ({decision.Reason}) "
                        + $"instead of {baseline.Outcome} ({baseline.Reason})");
                    checkedDecisions++;
                }
            }
        Assert.True(checkedDecisions > 800_000, $"only {checkedDecisions} decisions were compared");
    }

    [Fact]
    public void No_outcome_reason_can_name_a_protected_attribute()
    {
        // The closed list, spelled out: adding a value fails here until someone has read rule 1 again.
        Assert.Equal(["NoFittingCapacity", "SheChoseAnotherOption", "NeedsHospitalCareNow", "LeftBeforeDecision", "SafetyFirst"],
            Enum.GetNames<OutcomeReason>());
    }

    [Fact]
    public void The_intake_cannot_even_hold_drug_use_hepatitis_sex_work_a_test_result_ethnicity_or_a_record()
    {
        var asked = typeof(IntakeAnswers).GetProperties().Select(p => p.Name.ToLowerInvariant()).ToList();

        foreach (var never in new[] { "drug", "hepatitis", "tuberculosis", "sexwork", "pcr", "covid", "ethnic", "roma", "migrant",
            "criminal", "conviction", "hiv" })
            Assert.DoesNotContain(asked, a => a.Contains(never));
    }

    [Fact]
    public void Every_outcome_other_than_a_bed_carries_a_reason_and_a_bed_carries_none()
    {
        foreach (var (_, intake) in Intakes())
            foreach (var (_, beds) in Capacities())
            {
                var decision = AdmissionPolicy.Decide(intake, beds, Partners);
                if (decision.Outcome == IntakeOutcome.Bed) Assert.Null(decision.Reason);
                else Assert.NotNull(decision.Reason);
                Assert.False(string.IsNullOrWhiteSpace(decision.Explanation));
            }
    }

    [Fact]
    public void With_room_for_the_family_a_mother_gets_a_bed_just_as_a_woman_alone_does()
    {
        var alone = AdmissionPolicy.Decide(new IntakeAnswers(), Roomy(), Partners);
        var mother = AdmissionPolicy.Decide(new IntakeAnswers { ChildAges = [1, 4, 9] }, Roomy(), Partners);

        Assert.Equal(IntakeOutcome.Bed, alone.Outcome);
        Assert.Equal(IntakeOutcome.Bed, mother.Outcome);
        Assert.Equal(4, mother.Beds!.BedIds.Count);
    }

    [Fact]
    public void Rosa_high_risk_with_her_daughter_and_the_shelter_full_goes_to_a_safe_room_together()
    {
        var decision = AdmissionPolicy.Decide(new IntakeAnswers { ChildAges = [10], Hits = Hits.Positive }, OnlySafeRoomFree(), Partners);

        Assert.Equal(IntakeOutcome.SafeRoom, decision.Outcome);
        Assert.Equal(OutcomeReason.SafetyFirst, decision.Reason);
        Assert.Equal(2, decision.Beds!.BedIds.Count);
        Assert.True(decision.Beds.IsSafeRoom);
    }

    [Fact]
    public void Only_a_safe_room_free_for_an_ordinary_need_is_a_safe_room_for_lack_of_capacity_with_a_shelter_proposed()
    {
        var decision = AdmissionPolicy.Decide(new IntakeAnswers(), OnlySafeRoomFree(), Partners);

        Assert.Equal(IntakeOutcome.SafeRoom, decision.Outcome);
        Assert.Equal(OutcomeReason.NoFittingCapacity, decision.Reason);
        Assert.Equal(AdultsOnly, decision.ProposedPartner);
    }

    [Fact]
    public void A_full_house_wait_lists_her_and_proposes_a_partner_that_takes_her_children()
    {
        var decision = AdmissionPolicy.Decide(new IntakeAnswers { ChildAges = [6] }, Full(), Partners);

        Assert.Equal(IntakeOutcome.WaitingList, decision.Outcome);
        Assert.Equal(OutcomeReason.NoFittingCapacity, decision.Reason);
        Assert.Equal(CrisisCentre, decision.ProposedPartner);
    }

    [Fact]
    public void Hospital_care_now_is_a_referral_to_a_medical_partner()
    {
        var decision = AdmissionPolicy.Decide(new IntakeAnswers { NeedsHospitalCareNow = true }, Roomy(), Partners);

        Assert.Equal(IntakeOutcome.Referral, decision.Outcome);
        Assert.Equal(OutcomeReason.NeedsHospitalCareNow, decision.Reason);
        Assert.Equal(Hospital, decision.ProposedPartner);
    }

    [Fact]
    public void Her_choice_of_another_option_is_respected_and_recorded_as_hers()
    {
        var decision = AdmissionPolicy.Decide(new IntakeAnswers { Choice = HerChoice.AnotherOption }, Roomy(), Partners);

        Assert.Equal(IntakeOutcome.Referral, decision.Outcome);
        Assert.Equal(OutcomeReason.SheChoseAnotherOption, decision.Reason);
    }

    [Fact]
    public void If_she_left_before_a_decision_she_keeps_a_place_on_the_waiting_list_and_outreach_is_proposed()
    {
        var decision = AdmissionPolicy.Decide(new IntakeAnswers { LeftBeforeDecision = true }, Roomy(), Partners);

        Assert.Equal(IntakeOutcome.WaitingList, decision.Outcome);
        Assert.Equal(OutcomeReason.LeftBeforeDecision, decision.Reason);
        Assert.Equal(Outreach, decision.ProposedPartner);
    }

    [Fact]
    public void With_no_partners_in_the_directory_she_is_still_never_turned_away()
    {
        var decision = AdmissionPolicy.Decide(new IntakeAnswers(), Full(), PartnerDirectory.Empty);

        Assert.Equal(IntakeOutcome.WaitingList, decision.Outcome);
        Assert.Contains("no partner in the directory", decision.Explanation);
        Assert.True(decision.Proposal!.NoneFits);
    }
}
