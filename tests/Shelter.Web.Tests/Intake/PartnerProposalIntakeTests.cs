using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Partners;
using Shelter.Core.Sites;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Intake;

/// <summary>The intake outcome proposes partners that take her, through the real form.</summary>
public class PartnerProposalIntakeTests : IDisposable
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: false);

    public void Dispose() => _app.Dispose();

    private Task<Partner> AddAsync(Partner partner) => _app.WithDbAsync(async db =>
    {
        db.Partners.Add(partner);
        await db.SaveChangesAsync();
        return partner;
    });

    [Fact]
    public async Task
        With_no_bed_the_shelter_that_refused_her_is_not_proposed_and_the_crisis_centre_that_takes_all_she_needs_is_with_what_is_not_known()
    {
        await _app.AddSiteAsync("Shelter", false, ("Single", RoomKind.Single, 0));
        var hope = await AddAsync(new Partner
        {
            Name = "A Hope Shelter", Kind = PartnerKind.Shelter, AcceptsChildren = Acceptance.Yes, AcceptsWheelchair = Acceptance.Yes,
            AcceptsOst = Acceptance.No, AcceptsWithoutDocuments = Acceptance.No, Phone = "+380 1",
        });
        var crisis = await AddAsync(new Partner
        {
            Name = "City Crisis Centre", Kind = PartnerKind.CrisisCentre, AcceptsDrugUse = Acceptance.Yes, AcceptsOst = Acceptance.Yes,
            AcceptsChildren = Acceptance.Yes, BoysUpToAge = 17, AcceptsWithoutDocuments = Acceptance.Yes, Phone = "+380 44 000 1001",
            AcceptanceConfirmedOn = new DateOnly(2026, 10, 1),
        });
        await _app.CreateUserAsync("staff@test.shelter", Roles.Staff);
        var staff = await _app.SignedInClientAsync("staff@test.shelter");

        var response = await staff.PostFormAsync("/intake/new", "/intake/new",
        [
            new("Route", "Self"), new("Alias", "Proposal Canary"), new("ChildAges", "6"), new("NeedsAccessibleRoom", "true"),
            new("TakesOst", "Yes"), new("MissingDocuments", "Passport"), new("RefusedByPartnerId", hope.Id.ToString()),
            new("RefusedBecause", "RulesProhibitOst"), new("ConsentToKeepData", "true"),
        ]);

        var intakeId = int.Parse(response.Headers.Location!.ToString().Split('/').Last());
        var page = await staff.GetStringAsync($"/intake/{intakeId}");
        Assert.Contains("City Crisis Centre", page);
        Assert.DoesNotContain("A Hope Shelter", page);
        Assert.Contains("Not known whether it is accessible for a wheelchair: call first", page);
        Assert.Contains("44 000 1001", page);
        var proposals = await _app.WithDbAsync(db => db.IntakeProposals.Where(p => p.IntakeId == intakeId).ToListAsync());
        Assert.Equal([crisis.Id], proposals.Select(p => p.PartnerId));
        Assert.Equal(crisis.Id,
            await _app.WithDbAsync(db => db.Intakes.Where(i => i.Id == intakeId).Select(i => i.ProposedPartnerId).SingleAsync()));
    }

    [Fact]
    public async Task PartnerProposal_another_staff_member_reading_the_outcome_does_not_learn_her_medication()
    {
        await _app.AddSiteAsync("Shelter", false, ("Single", RoomKind.Single, 0));
        await AddAsync(new Partner
        {
            Name = "Open Crisis Centre", Kind = PartnerKind.CrisisCentre, AcceptsChildren = Acceptance.Yes,
            Phone = "+380 2"
        });
        await _app.CreateUserAsync("recorder@test.shelter", Roles.Staff);
        await _app.CreateUserAsync("night@test.shelter", Roles.Staff);
        await _app.CreateUserAsync("cm@test.shelter", Roles.CaseManager);
        var recorder = await _app.SignedInClientAsync("recorder@test.shelter");
        var response = await recorder.PostFormAsync("/intake/new", "/intake/new",
            [new("Route", "Self"), new("Alias", "Need To Know"), new("TakesOst", "Yes"), new("TakesArt", "Yes"),
                new("ConsentToKeepData", "true")]);
        var url = response.Headers.Location!.ToString();

        var forRecorder = await recorder.GetStringAsync(url);
        var forNightShift = await (await _app.SignedInClientAsync("night@test.shelter")).GetStringAsync(url);
        var forCaseManager = await (await _app.SignedInClientAsync("cm@test.shelter")).GetStringAsync(url);

        Assert.Contains("Open Crisis Centre", forNightShift);
        foreach (var medication in new[] { "OST", "ART" })
        {
            Assert.Contains(medication, forRecorder);
            Assert.Contains(medication, forCaseManager);
            Assert.DoesNotContain(medication, forNightShift);
        }
        Assert.Contains("her case manager knows what to ask", forNightShift);
    }

    [Fact]
    public async Task When_no_partner_takes_her_the_outcome_says_so_and_proposes_outreach()
    {
        await _app.AddSiteAsync("Shelter", false, ("Single", RoomKind.Single, 0));
        await AddAsync(new Partner { Name = "No OST Shelter", Kind = PartnerKind.Shelter, AcceptsOst = Acceptance.No });
        await AddAsync(new Partner
        {
            Name = "Street Outreach", Kind = PartnerKind.HarmReduction, AcceptsOst = Acceptance.Yes,
            AcceptsDrugUse = Acceptance.Yes, Phone = "+380 3"
        });
        await _app.CreateUserAsync("staff@test.shelter", Roles.Staff);
        var staff = await _app.SignedInClientAsync("staff@test.shelter");

        var response = await staff.PostFormAsync("/intake/new", "/intake/new",
            [new("Route", "Self"), new("Alias", "Nowhere"), new("TakesOst", "Yes"), new("ConsentToKeepData", "true")]);

        var page = await staff.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("No partner in the directory is known to take everything she needs.", page);
        Assert.Contains("Street Outreach can keep in touch with her meanwhile", page);
        Assert.DoesNotContain("No OST Shelter", page);
    }
}
