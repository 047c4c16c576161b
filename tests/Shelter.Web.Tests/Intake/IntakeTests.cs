using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Core.Documents;
using Shelter.Core.FollowUps;
using Shelter.Core.Intake;
using Shelter.Core.Medication;
using Shelter.Core.Partners;
using Shelter.Core.Sites;
using Shelter.Web.Housing;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Intake;

/// <summary>Intake through the real form, each on a house of its own.</summary>
public class IntakeTests : IDisposable
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: false);

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> SignedInAsync(string role = Roles.Staff)
    {
        var email = $"{role.ToLowerInvariant()}@test.shelter";
        await _app.CreateUserAsync(email, role);
        return await _app.SignedInClientAsync(email);
    }

    private Task<Partner> AddPartnerAsync(string name, PartnerKind kind, Acceptance children = Acceptance.NotKnown) =>
        _app.WithDbAsync(async db =>
    {
        var partner = new Partner { Name = name, Kind = kind, AcceptsChildren = children };
        db.Partners.Add(partner);
        await db.SaveChangesAsync();
        return partner;
    });

    private static Task<HttpResponseMessage> IntakeAsync(HttpClient client, params (string Key, string Value)[] fields) =>
        client.PostFormAsync("/intake/new", "/intake/new", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static int IntakeIdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    [Fact]
    public async Task The_Oksana_story_an_OST_client_without_her_passport_refused_elsewhere_is_admitted_to_a_bed()
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        var hope = await AddPartnerAsync("Hope Shelter", PartnerKind.Shelter, Acceptance.Yes);
        var staff = await SignedInAsync();
        var today = SiteTime.Today("Europe/Kyiv", DateTime.UtcNow);

        var response = await IntakeAsync(staff,
            ("Route", "PartnerOrganisation"), ("Alias", "Oksana"), ("TakesOst", "Yes"), ("HasEnoughMedication", "Yes"),
            ("MedicationUntil", today.AddDays(6).ToString("yyyy-MM-dd")), ("MissingDocuments", "Passport"),
            ("Hurt", "2"), ("Insult", "3"), ("Threaten", "3"), ("Scream", "2"), ("HasSafetyPlan", "Yes"),
            ("RefusedByPartnerId", hope.Id.ToString()), ("RefusedBecause", "RulesProhibitOst"), ("ConsentToKeepData", "true"));

        var intakeId = IntakeIdFrom(response);
        var page = await staff.GetStringAsync($"/intake/{intakeId}");
        Assert.Contains("Admitted to a bed", page);
        Assert.Contains("10 of 20: negative", page);
        var (intake, barrier, recovery, followUp, medication) = await _app.WithDbAsync(async db => (
            await db.Intakes.Include(i => i.Resident).SingleAsync(),
            await db.Barriers.SingleAsync(),
            await db.DocumentRecoveries.SingleAsync(),
            await db.FollowUps.SingleAsync(f => f.Kind == FollowUpKind.DocumentRecovery),
            await db.MedicationProgrammes.SingleAsync()));
        Assert.Equal(IntakeOutcome.Bed, intake.Outcome);
        Assert.Null(intake.Reason);
        Assert.NotNull(intake.StayId);
        // The refusal elsewhere is logged for advocacy, with nothing that leads back to her.
        Assert.Equal(hope.Id, barrier.PartnerId);
        Assert.Equal(BarrierReason.RulesProhibitOst, barrier.Reason);
        Assert.DoesNotContain(typeof(BarrierRecord).GetProperties(), p => p.Name.Contains("Resident"));
        // Nothing joins it back to her intake: a week (its Monday), no time, no audit row of its own.
        Assert.Equal(DayOfWeek.Monday, barrier.On.DayOfWeek);
        Assert.DoesNotContain(typeof(BarrierRecord).GetProperties(),
            p => p.PropertyType == typeof(DateTime) || p.PropertyType == typeof(DateTime?));
        Assert.False(await _app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == nameof(BarrierRecord))));
        Assert.DoesNotContain("Oksana",
            string.Join("|", typeof(BarrierRecord).GetProperties().Select(p => p.GetValue(barrier)?.ToString())));
        // Her passport does not gate anything: it starts a recovery.
        Assert.Equal(DocumentType.Passport, recovery.Document);
        Assert.Equal(recovery.Id, followUp.DocumentRecoveryId);
        Assert.Equal(intake.ResidentId, followUp.ResidentId);
        Assert.Equal(MedicationKind.Ost, medication.Kind);
        Assert.Equal(today.AddDays(6), medication.SupplyUntil);
        Assert.Contains("Rules prohibit OST", await staff.GetStringAsync("/barriers"));
    }

    [Fact]
    public async Task The_Rosa_story_high_risk_mother_and_daughter_with_the_shelter_full_are_placed_in_a_safe_room_together()
    {
        await _app.AddSiteAsync("Shelter", false, ("Single", RoomKind.Single, 1));
        await _app.AddSiteAsync("Centre", false, ("Safe room", RoomKind.SafeRoom, 2));
        var staff = await SignedInAsync();
        IntakeIdFrom(await IntakeAsync(staff, ("Route", "Self"), ("Alias", "Already here"), ("ConsentToKeepData", "true")));

        var response = await IntakeAsync(staff, ("Route", "HelpLine"), ("Alias", "Rosa"), ("ChildAges", "10"),
            ("Hurt", "4"), ("Insult", "4"), ("Threaten", "4"), ("Scream", "3"), ("ConsentToKeepData", "true"));

        var intakeId = IntakeIdFrom(response);
        var intake = await _app.WithDbAsync(db => db.Intakes.SingleAsync(i => i.Id == intakeId));
        Assert.Equal(IntakeOutcome.SafeRoom, intake.Outcome);
        Assert.Equal(OutcomeReason.SafetyFirst, intake.Reason);
        var stays = await _app.WithDbAsync(db => db.Stays.Include(s => s.Bed).ThenInclude(b => b.Room)
            .Where(s => s.ResidentId == intake.ResidentId).ToListAsync());
        Assert.Equal(2, stays.Count);
        Assert.All(stays, s => Assert.Equal(RoomKind.SafeRoom, s.Bed.Room.Kind));
        Assert.Single(stays.Select(s => s.Bed.RoomId).Distinct());
        var page = await staff.GetStringAsync($"/intake/{intakeId}");
        Assert.Contains("High risk: a safe room first", page);
        Assert.Contains("15 of 20: positive", page);
    }

    [Fact]
    public async Task Without_her_consent_only_her_alias_and_the_outcome_are_kept()
    {
        await _app.AddSiteAsync("Shelter", false, ("Family", RoomKind.Family, 3));
        await AddPartnerAsync("Somewhere", PartnerKind.Shelter);
        var staff = await SignedInAsync();

        var response = await IntakeAsync(staff, ("Route", "Police"), ("Alias", "Anonymous A."), ("LegalName", "Canary Legalname"),
            ("DateOfBirth", "1990-05-04"), ("GenderIdentity", "trans woman"), ("Languages", "Romani"), ("ChildAges", "7"),
            ("NeedsAccessibleRoom", "false"), ("Pregnant", "true"), ("TakesOst", "Yes"), ("TakesArt", "Yes"), ("HasEnoughMedication", "No"),
            ("MissingDocuments", "Passport"), ("MissingDocuments", "MedicalRecords"),
            ("Hurt", "5"), ("Insult", "5"), ("Threaten", "5"), ("Scream", "5"), ("HasSafetyPlan", "No"));

        IntakeIdFrom(response);
        var (resident, children, intake) = await _app.WithDbAsync(async db => (
            await db.Residents.SingleAsync(), await db.Children.ToListAsync(), await db.Intakes.SingleAsync()));
        Assert.Equal("Anonymous A.", resident.Alias);
        Assert.False(resident.ConsentToKeepData);
        Assert.Null(resident.LegalName);
        Assert.Null(resident.DateOfBirth);
        Assert.Null(resident.GenderIdentity);
        Assert.Null(resident.Languages);
        Assert.False(resident.HighRisk);
        Assert.All(children, c => Assert.Null(c.AgeAtArrival));
        Assert.Equal(IntakeOutcome.Bed, intake.Outcome);
        Assert.Null(intake.Route);
        Assert.Null(intake.HitsTotal);
        Assert.Null(intake.HitsHurt);
        Assert.Null(intake.HasSafetyPlan);
        Assert.Null(intake.Pregnant);
        Assert.Null(intake.InDangerNow);
        Assert.Equal(0, await _app.WithDbAsync(db => db.MedicationProgrammes.CountAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.DocumentRecoveries.CountAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.FollowUps.CountAsync(f => f.Kind != FollowUpKind.StayReview)));
        var raw = await _app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT group_concat(LegalName) AS Value FROM Residents")
            .SingleAsync());
        Assert.Null(raw);
    }

    [Theory]
    [InlineData("6", "1", "1", "1", "Hurt must be scored from 1 (never) to 5 (frequently); 6 is outside that.")]
    [InlineData("1", "0", "1", "1", "Insult must be scored from 1 (never) to 5 (frequently); 0 is outside that.")]
    [InlineData("3", "", "3", "3", "Score all four HITS questions")]
    public async Task HITS_answers_out_of_range_or_incomplete_are_refused_with_a_clear_message_and_nothing_is_stored(string hurt,
        string insult, string threaten, string scream, string message)
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        var staff = await SignedInAsync();

        var response = await IntakeAsync(staff, ("Route", "Self"), ("Alias", "Iryna"), ("Hurt", hurt), ("Insult", insult),
            ("Threaten", threaten), ("Scream", scream), ("ConsentToKeepData", "true"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.WithDbAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task The_intake_form_needs_a_name_and_a_route_and_says_so()
    {
        var staff = await SignedInAsync();

        var response = await IntakeAsync(staff);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter the name she wants to be called", html);
        Assert.Contains("Choose how she reached us.", html);
    }

    [Fact]
    public async Task A_full_house_puts_her_on_the_waiting_list_and_a_freed_bed_tells_the_staff_once_without_her_name()
    {
        await _app.AddSiteAsync("Shelter", false, ("Single", RoomKind.Single, 1));
        await AddPartnerAsync("Crisis Centre", PartnerKind.CrisisCentre, Acceptance.Yes);
        var staff = await SignedInAsync();
        var firstIntake = IntakeIdFrom(await IntakeAsync(staff, ("Route", "Self"), ("Alias", "First Woman"),
            ("ConsentToKeepData", "true")));
        var waitIntake = IntakeIdFrom(await IntakeAsync(staff, ("Route", "HelpLine"), ("Alias", "Waiting Canary"), ("Hurt", "5"),
            ("Insult", "5"), ("Threaten", "5"), ("Scream", "5"), ("ConsentToKeepData", "true")));
        Assert.Contains("On the waiting list", await staff.GetStringAsync($"/intake/{waitIntake}"));
        Assert.Contains("Crisis Centre", await staff.GetStringAsync($"/intake/{waitIntake}"));
        Assert.Contains("no fitting bed yet", await staff.GetStringAsync("/intake/waiting"));

        var stayId = await _app.WithDbAsync(db => db.Intakes.Where(i => i.Id == firstIntake).Select(i => i.StayId!.Value).SingleAsync());
        var checkedOut = await staff.PostFormAsync($"/stays/{stayId}/check-out", $"/stays/{stayId}/check-out",
            [new("Reason", "HerChoice"), new("Destination", "OwnHousing")]);
        Assert.Equal(HttpStatusCode.Redirect, checkedOut.StatusCode);

        Assert.Contains("A free bed fits a woman on the waiting list.", await staff.GetStringAsync("/"));
        Assert.Contains("A bed fits now: check in", await staff.GetStringAsync("/intake/waiting"));
        await _app.WithServicesAsync(async sp => { await sp.GetRequiredService<WaitingListNotifier>().NotifyIfBedsFitAsync(); return 0; });
        await _app.WithServicesAsync(async sp => { await sp.GetRequiredService<WaitingListNotifier>().NotifyIfBedsFitAsync(); return 0; });
        await _app.DeliverOutboxAsync();

        var mails = await _app.PickedUpMailsAsync(atLeast: 1); // the check-out's job may be the one sending it
        var mail = Assert.Single(mails); // the job ran twice (and once more from the check-out); she is announced once
        Assert.Contains("/intake/waiting", mail);
        Assert.DoesNotContain("Waiting Canary", mail);
        Assert.DoesNotContain("First Woman", mail);
    }

    [Fact]
    public async Task Social_workers_and_admins_cannot_open_the_intake()
    {
        var socialWorker = await SignedInAsync(Roles.SocialWorker);
        var admin = await SignedInAsync(Roles.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await socialWorker.GetAsync("/intake/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/intake/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/residents")).StatusCode);
    }
}
