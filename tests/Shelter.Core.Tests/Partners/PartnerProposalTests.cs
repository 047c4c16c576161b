using Shelter.Core.Beds;
using Shelter.Core.Intake;
using Shelter.Core.Partners;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Tests.Beds;

namespace Shelter.Core.Tests.Partners;

public class PartnerProposalTests
{
    private static readonly PartnerKind[] Housing = [PartnerKind.Shelter, PartnerKind.CrisisCentre];

    private static DirectoryEntry Takes(int id, string name, PartnerKind kind, Acceptance all, int? boysUpTo = 17) =>
        new(id, name, kind)
        {
            DrugUse = all, Ost = all, Art = all, Children = all, WithoutDocuments = all, TransWomen = all,
            Wheelchair = all, BoysUpToAge = boysUpTo
        };

    [Fact]
    public void The_shelter_that_refused_her_and_takes_neither_OST_nor_women_without_papers_is_not_proposed_the_crisis_centre_is()
    {
        // The night in the issue: a mother in a wheelchair, on OST, without a passport, no bed free.
        var hope = new DirectoryEntry(1, "A Hope Shelter", PartnerKind.Shelter)
        {
            Children = Acceptance.Yes,
            Wheelchair = Acceptance.Yes, Ost = Acceptance.No, WithoutDocuments = Acceptance.No
        };
        var crisis = Takes(2, "City Crisis Centre", PartnerKind.CrisisCentre, Acceptance.Yes);
        var intake = new IntakeAnswers
        {
            ChildAges = [6], NeedsAccessibleRoom = true, TakesOst = Answer.Yes,
            MissingDocuments = MissingDocuments.Passport
        };
        var full = new BedNetworkBuilder().Room("Shared", RoomKind.Shared, 1, BedState.Occupied).Build();

        var decision = AdmissionPolicy.Decide(intake, full, new PartnerDirectory([hope, crisis], [hope.Id], []));

        Assert.Equal(IntakeOutcome.WaitingList, decision.Outcome);
        Assert.Equal([crisis.Id], decision.Proposal!.Partners.Select(p => p.Partner.Id));
        Assert.Empty(decision.Proposal.First!.NotKnown);
        Assert.Contains(HerNeed.Ost, decision.Proposal.First.Fits);
    }

    [Fact]
    public void A_partner_that_refused_her_in_this_intake_is_never_proposed_even_if_the_directory_says_it_takes_everything()
    {
        var friendly = Takes(1, "Friendly", PartnerKind.Shelter, Acceptance.Yes);

        var result = PartnerProposal.Propose(new PartnerNeeds(), [friendly], Housing, [friendly.Id], []);

        Assert.True(result.NoneFits);
    }

    [Fact]
    public void What_is_not_known_is_said_so_staff_call_first_and_a_known_fit_ranks_above_it()
    {
        var unknown = new DirectoryEntry(1, "A Unknown", PartnerKind.Shelter);
        var known = Takes(2, "B Known", PartnerKind.CrisisCentre, Acceptance.Yes);

        var result = PartnerProposal.Propose(new PartnerNeeds { Ost = true, Art = true }, [unknown, known], Housing, [], []);

        Assert.Equal(["B Known", "A Unknown"], result.Partners.Select(p => p.Partner.Name));
        Assert.Equal([HerNeed.DrugUse, HerNeed.Ost, HerNeed.Art], result.Partners[1].NotKnown);
        Assert.True(result.Partners[1].CallFirst);
    }

    [Fact]
    public void At_most_three_are_proposed()
    {
        var directory = Enumerable.Range(1, 6).Select(i => Takes(i, $"Shelter {i}", PartnerKind.Shelter, Acceptance.Yes)).ToList();

        Assert.Equal(3, PartnerProposal.Propose(new PartnerNeeds(), directory, Housing, [], []).Partners.Count);
    }

    [Fact]
    public void A_refusal_in_the_barrier_log_for_one_of_her_needs_rules_the_partner_out_until_it_is_confirmed_again()
    {
        var partner = Takes(1, "Shelter", PartnerKind.Shelter, Acceptance.Yes) with { ConfirmedOn = new DateOnly(2026, 1, 10) };
        LoggedRefusal[] log = [new(partner.Id, HerNeed.Ost, new DateOnly(2026, 3, 1))];

        Assert.True(PartnerProposal.Propose(new PartnerNeeds { Ost = true }, [partner], Housing, [], log).NoneFits);
        Assert.False(PartnerProposal.Propose(new PartnerNeeds { Art = true }, [partner], Housing, [], log).NoneFits);
        var confirmedSince = partner with { ConfirmedOn = new DateOnly(2026, 3, 5) };
        Assert.False(PartnerProposal.Propose(new PartnerNeeds { Ost = true }, [confirmedSince], Housing, [], log).NoneFits);
    }

    [Fact]
    public void Her_son_older_than_the_partner_takes_boys_rules_it_out_and_a_child_of_unknown_sex_asks_first()
    {
        var upTo12 = Takes(1, "Shelter", PartnerKind.Shelter, Acceptance.Yes, boysUpTo: 12);

        Assert.True(PartnerProposal.Propose(new PartnerNeeds { Children = [new(14, ChildSex.Boy)] }, [upTo12], Housing, [], []).NoneFits);
        Assert.Empty(PartnerProposal.Propose(new PartnerNeeds { Children = [new(14, ChildSex.Girl)] }, [upTo12], Housing, [], [])
            .First!.NotKnown);
        Assert.Equal([HerNeed.OlderBoy],
            PartnerProposal.Propose(new PartnerNeeds { Children = [new(14, null)] }, [upTo12], Housing, [], []).First!.NotKnown);
    }

    [Fact]
    public void When_none_fits_it_says_so_and_proposes_outreach_by_a_harm_reduction_partner()
    {
        var refuses = Takes(1, "Refuses", PartnerKind.Shelter, Acceptance.No);
        var outreach = Takes(2, "Outreach", PartnerKind.HarmReduction, Acceptance.Yes);

        var result = PartnerProposal.Propose(new PartnerNeeds { Ost = true }, [refuses, outreach], Housing, [], []);

        Assert.True(result.NoneFits);
        Assert.Equal(outreach.Id, result.Outreach!.Partner.Id);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Property_over_generated_directories_and_needs_no_proposal_is_ever_known_to_refuse_her(int seed)
    {
        var random = new Random(seed);
        var kinds = Enum.GetValues<PartnerKind>();
        var answers = Enum.GetValues<Acceptance>();
        Acceptance Any() => answers[random.Next(answers.Length)];
        var checkedProposals = 0;

        for (var run = 0; run < 2_000; run++)
        {
            var directory = Enumerable.Range(1, random.Next(0, 12))
                .Select(id => new DirectoryEntry(id, $"P{random.Next(100)}", kinds[random.Next(kinds.Length)])
                {
                    DrugUse = Any(), Ost = Any(), Art = Any(), Children = Any(), WithoutDocuments = Any(), TransWomen = Any(),
                    Wheelchair = Any(),
                    BoysUpToAge = random.Next(3) == 0 ? null : random.Next(0, 18),
                    ConfirmedOn = random.Next(3) == 0 ? null : new DateOnly(2026, 1, 1).AddDays(random.Next(300)),
                }).ToList();
            var her = new PartnerNeeds
            {
                Ost = random.Next(2) == 0, Art = random.Next(2) == 0, WithoutDocuments = random.Next(2) == 0,
                TransWoman = random.Next(4) == 0, Wheelchair = random.Next(4) == 0,
                Children = Enumerable.Range(0, random.Next(0, 4))
                    .Select(_ =>
                    new ChildWithHer(random.Next(0, 18),
                    random.Next(3) switch { 0 => null, 1 => ChildSex.Girl, _ => (ChildSex?)ChildSex.Boy })).ToList(),
            };
            var refusedHer = directory.Where(_ => random.Next(6) == 0).Select(p => p.Id).ToList();
            var needs = her.Each().ToList();
            var log = directory.Where(_ => random.Next(4) == 0 && needs.Count > 0)
                .Select(p =>
                    new LoggedRefusal(p.Id, needs[random.Next(needs.Count)], new DateOnly(2026, 1, 1).AddDays(random.Next(300)))).ToList();
            var wanted = kinds.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();

            var result = PartnerProposal.Propose(her, directory, wanted, refusedHer, log);

            Assert.True(result.Partners.Count <= PartnerProposal.MaxProposed);
            foreach (var proposed in result.Partners.Append(result.Outreach).OfType<ProposedPartner>())
            {
                var p = proposed.Partner;
                Assert.DoesNotContain(p.Id, refusedHer);
                Assert.All(needs, need => Assert.NotEqual(Acceptance.No, p.Of(need)));
                Assert.DoesNotContain(log, r => r.PartnerId == p.Id && (p.ConfirmedOn is null || r.On >= p.ConfirmedOn));
                Assert.NotEqual(Acceptance.No, p.TakesHerSons(her.Children));
                // Everything she needs is either known to be accepted or said to be not known.
                Assert.All(needs, need => Assert.True(proposed.Fits.Contains(need) || proposed.NotKnown.Contains(need)));
                Assert.All(proposed.Fits, need => Assert.Equal(Acceptance.Yes, p.Of(need)));
                checkedProposals++;
            }
            // Ranked by fit: a proposal with fewer unknowns never comes after one with more.
            Assert.Equal(result.Partners.Select(p => p.NotKnown.Count).Order(), result.Partners.Select(p => p.NotKnown.Count));
            // Nothing that fits is left out while fewer than three are proposed.
            if (result.Partners.Count < PartnerProposal.MaxProposed)
                Assert.Equal(result.Partners.Count, directory.Count(p => wanted.Contains(p.Kind) && !refusedHer.Contains(p.Id)
                    && needs.All(n => p.Of(n) != Acceptance.No
                        && !log.Any(r => r.PartnerId == p.Id && r.Need == n && (p.ConfirmedOn is null || r.On >= p.ConfirmedOn)))
                    && (her.Children.Count == 0 || p.Children == Acceptance.No || p.TakesHerSons(her.Children) != Acceptance.No)));
        }
        Assert.True(checkedProposals > 500, $"only {checkedProposals} proposals were checked");
    }
}
