using System.Net;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Children;
using Shelter.Core.Documents;
using Shelter.Core.FollowUps;
using Shelter.Core.Medication;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Security;

/// <summary>
/// Record-level checks: a case manager or social worker at Safe House North reaches its residents
/// and gets 404 for every record of a woman housed at the Harm Reduction Centre, and the lists
/// she opens do not name her. Built on the demo house, with a full set of records added for one
/// woman at each site.
/// </summary>
public class SiteScopeTests : IAsyncLifetime
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: true);
    private const string CaseManager = "cm.north@test.shelter";
    private const string SocialWorker = "sw.north@test.shelter";
    private Household _north = null!;
    private Household _centre = null!;

    private sealed record Household(int ResidentId, string Alias, int StayId, int ChildId, int ProgrammeId, int FollowUpId,
        int DocumentId, int SessionId, int IntakeId, int FreeBedId, int HoldId);

    public async Task InitializeAsync()
    {
        var north = await SiteIdAsync("Safe House North");
        await _app.CreateUserAsync(CaseManager, Roles.CaseManager, sites: [north]);
        await _app.CreateUserAsync(SocialWorker, Roles.SocialWorker, sites: [north]);
        _north = await HouseholdAtAsync("Safe House North", "Northern Canary");
        _centre = await HouseholdAtAsync("Harm Reduction Centre", "Centre Canary");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static IEnumerable<string> CaseManagerPages(Household h) =>
    [
        $"/residents/{h.ResidentId}", $"/stays/{h.StayId}", $"/stays/{h.StayId}/move", $"/stays/{h.StayId}/check-out",
            $"/stays/{h.StayId}/terms",
        $"/stays/check-in?residentId={h.ResidentId}", $"/stays/check-in?bedId={h.FreeBedId}",
        $"/medication/residents/{h.ResidentId}", $"/medication/{h.ProgrammeId}", $"/documents/{h.DocumentId}",
        $"/tasks/{h.FollowUpId}", $"/tasks/new?residentId={h.ResidentId}", $"/intake/{h.IntakeId}",
        $"/children/{h.ChildId}", $"/employment/residents/{h.ResidentId}",
    ];

    private static IEnumerable<string> SocialWorkerPages(Household h) =>
        [$"/residents/{h.ResidentId}", $"/children/{h.ChildId}", $"/employment/residents/{h.ResidentId}",
            $"/tasks/new?residentId={h.ResidentId}"];

    [Fact]
    public async Task A_case_manager_reaches_every_record_of_her_sites_residents_and_gets_404_for_another_sites()
    {
        var cm = await _app.SignedInClientAsync(CaseManager);

        foreach (var url in CaseManagerPages(_north))
            Assert.True((await cm.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"{url} should open for her own site");
        foreach (var url in CaseManagerPages(_centre))
            Assert.True((await cm.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"{url} should be 404 for another site");
    }

    [Fact]
    public async Task A_social_worker_reaches_only_her_sites_residents_and_children()
    {
        var sw = await _app.SignedInClientAsync(SocialWorker);

        foreach (var url in SocialWorkerPages(_north))
            Assert.True((await sw.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"{url} should open for her own site");
        foreach (var url in SocialWorkerPages(_centre))
            Assert.True((await sw.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"{url} should be 404 for another site");
    }

    [Fact]
    public async Task Changes_to_another_sites_records_are_refused_with_404_and_nothing_changes()
    {
        var cm = await _app.SignedInClientAsync(CaseManager);
        var sw = await _app.SignedInClientAsync(SocialWorker);
        var c = _centre;

        var posts = new (HttpClient Client, string Page, string Action, KeyValuePair<string, string>[] Fields)[]
        {
            (cm, "/medication", $"/medication/{c.ProgrammeId}/end", []),
            (cm, "/medication", $"/medication/{c.ProgrammeId}/dispensed", [new("On", "2026-11-20"), new("SupplyDays", "7")]),
            (cm, "/medication", $"/medication/residents/{c.ResidentId}", [new("Kind", "Art"), new("Medicine", "Canary")]),
            (cm, "/documents", $"/documents/{c.DocumentId}/declined", []),
            (cm, "/documents", $"/documents/residents/{c.ResidentId}", [new("Document", "Passport")]),
            (cm, "/tasks", $"/tasks/{c.FollowUpId}/close?status=Done", []),
            (cm, "/tasks", $"/tasks/new?residentId={c.ResidentId}",
                [new("Kind", "Other"), new("What", "Canary task"), new("DueOn", "2026-12-01")]),
            (cm, "/beds", $"/stays/{c.StayId}/check-out", [new("Reason", "HerChoice"), new("Destination", "OwnHousing")]),
            (cm, "/beds", $"/stays/{c.StayId}/terms", [new("EndOn", "2027-01-31"), new("Conditions", "Canary")]),
            (cm, "/beds", $"/beds/{c.FreeBedId}/hold", [new("ComingThrough", "Police"), new("Hours", "4")]),
            (cm, "/beds", $"/beds/holds/{c.HoldId}/release", []),
            (cm, "/beds", "/stays/check-in",
                [new("ResidentId", $"{_north.ResidentId}"), new("BedId", $"{c.FreeBedId}"), new("Alias", "x")]),
            (cm, $"/residents/{_north.ResidentId}", $"/residents/{c.ResidentId}/consents",
                [new("PartnerId", "1"), new("Purpose", "Referral")]),
            (sw, "/children", $"/children/{c.ChildId}", [new("School", "Canary school")]),
            (sw, "/children", $"/children/{c.ChildId}/sessions",
                [new("CounsellingRoomId", "1"), new("On", "2026-12-01"), new("At", "10:00")]),
            (sw, "/children", $"/children/sessions/{c.SessionId}?cancel=true", []),
            (sw, $"/residents/{_north.ResidentId}", $"/employment/residents/{c.ResidentId}/start", []),
        };
        var before = await SnapshotAsync();
        foreach (var (client, page, action, fields) in posts)
            Assert.True((await client.PostFormAsync(page, action, fields)).StatusCode == HttpStatusCode.NotFound,
                $"POST {action} should be 404 for another site");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Her_lists_name_only_her_sites_residents_while_staff_see_both()
    {
        var cm = await _app.SignedInClientAsync(CaseManager);
        var sw = await _app.SignedInClientAsync(SocialWorker);
        var staff = await _app.SignedInClientAsync(DemoAccounts.Staff);

        foreach (var url in new[] { "/residents", "/residents?q=Canary", "/medication", "/documents", "/tasks", "/children", "/beds",
            "/stays/check-in" })
        {
            var html = await cm.GetStringAsync(url);
            Assert.True(!html.Contains(_centre.Alias), $"{url} names a woman from another site");
        }
        Assert.Contains(_north.Alias, await cm.GetStringAsync("/residents"));
        Assert.Contains(_north.Alias, await cm.GetStringAsync("/medication"));
        Assert.DoesNotContain("Harm Reduction Centre", await cm.GetStringAsync("/beds"));
        foreach (var url in new[] { "/residents", "/children", "/tasks", "/beds" })
            Assert.DoesNotContain(_centre.Alias, await sw.GetStringAsync(url));
        Assert.Contains(_north.Alias, await sw.GetStringAsync("/children"));

        var all = await staff.GetStringAsync("/residents");
        Assert.Contains(_north.Alias, all);
        Assert.Contains(_centre.Alias, all);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/residents/{_centre.ResidentId}")).StatusCode);
    }

    [Fact]
    public async Task A_site_added_to_her_account_opens_its_residents_to_her_and_a_woman_not_yet_housed_is_everyones()
    {
        var cm = await _app.SignedInClientAsync(CaseManager);
        Assert.Equal(HttpStatusCode.NotFound, (await cm.GetAsync($"/residents/{_centre.ResidentId}")).StatusCode);

        var admin = await _app.SignedInClientAsync(DemoAccounts.Admin);
        var id = await _app.UserIdAsync(CaseManager);
        var sites = await _app.WithDbAsync(db => db.Sites.Select(s => s.Id).ToListAsync());
        var saved = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}",
            [new("DisplayName", "CM North"), new("Roles", Roles.CaseManager),
                .. sites.Select(s => new KeyValuePair<string, string>("Sites", $"{s}"))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Harm Reduction Centre", await admin.GetStringAsync("/admin/users"));

        // Saving an account renews its security stamp, so she signs in again and reaches the centre.
        Assert.Equal(HttpStatusCode.Redirect, (await cm.GetAsync($"/residents/{_centre.ResidentId}")).StatusCode);
        cm = await _app.SignedInClientAsync(CaseManager);
        Assert.Equal(HttpStatusCode.OK, (await cm.GetAsync($"/residents/{_centre.ResidentId}")).StatusCode);

        // A woman on the waiting list, never housed, is the whole organisation's to help.
        var waiting = await _app.WithDbAsync(async db =>
        {
            var r = new Resident { Alias = "Waiting Everywhere", ConsentToKeepData = true, RegisteredAt = DateTime.UtcNow };
            db.Residents.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var sw = await _app.SignedInClientAsync(SocialWorker);
        Assert.Equal(HttpStatusCode.OK, (await sw.GetAsync($"/residents/{waiting}")).StatusCode);
    }

    [Fact]
    public async Task A_move_to_another_site_moves_her_reach_and_a_woman_never_housed_is_reached_from_every_site()
    {
        var centre = await SiteIdAsync("Harm Reduction Centre");
        await _app.CreateUserAsync("cm.centre@test.shelter", Roles.CaseManager, sites: [centre]);
        var atNorth = await _app.SignedInClientAsync(CaseManager);
        var atCentre = await _app.SignedInClientAsync("cm.centre@test.shelter");
        var her = $"/residents/{_north.ResidentId}";
        Assert.Equal(HttpStatusCode.OK, (await atNorth.GetAsync(her)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await atCentre.GetAsync(her)).StatusCode);

        var staff = await _app.SignedInClientAsync(DemoAccounts.Staff);
        var move = $"/stays/{_north.StayId}/move";
        var moved = await staff.PostFormAsync(move, move, [new("BedId", $"{_centre.FreeBedId}")]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        Assert.Equal(centre, await _app.WithDbAsync(db =>
            db.Residents.Where(r => r.Id == _north.ResidentId).Select(r => r.CurrentSiteId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await atNorth.GetAsync(her)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await atCentre.GetAsync(her)).StatusCode);

        var waiting = await _app.WithDbAsync(async db =>
        {
            var r = new Resident { Alias = "Never Housed", ConsentToKeepData = true, RegisteredAt = DateTime.UtcNow };
            db.Residents.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        Assert.Null(await _app.WithDbAsync(db => db.Residents.Where(r => r.Id == waiting).Select(r => r.CurrentSiteId).SingleAsync()));
        foreach (var client in new[] { atNorth, atCentre, await _app.SignedInClientAsync(SocialWorker) })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/residents/{waiting}")).StatusCode);
    }

    [Fact]
    public async Task The_intake_she_recorded_stays_open_to_her_when_the_woman_was_housed_at_another_site_without_links_into_the_record()
    {
        var cm = await _app.SignedInClientAsync(CaseManager);
        Assert.Equal(HttpStatusCode.NotFound, (await cm.GetAsync($"/intake/{_centre.IntakeId}")).StatusCode);
        var cmId = await _app.UserIdAsync(CaseManager);
        await _app.WithDbAsync(async db =>
        {
            var intake = await db.Intakes.SingleAsync(i => i.Id == _centre.IntakeId);
            intake.RecordedByUserId = cmId;
            intake.StayId = _centre.StayId;
            return await db.SaveChangesAsync();
        });

        var page = await cm.GetStringAsync($"/intake/{_centre.IntakeId}");
        Assert.Contains("This site is not one you work at", page);
        Assert.DoesNotContain($"href=\"/residents/{_centre.ResidentId}", page);
        Assert.DoesNotContain($"href=\"/stays/{_centre.StayId}", page);
    }

    private Task<int> SiteIdAsync(string name) =>
        _app.WithDbAsync(db => db.Sites.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    /// <summary>A woman in a free bed of the site, with a child, medication, a follow-up, a document, a session, an intake and a hold
    /// nearby.</summary>
    private Task<Household> HouseholdAtAsync(string site, string alias) => _app.WithDbAsync(async db =>
    {
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var occupied = await db.Stays.Where(s => s.EndedAt == null).Select(s => s.BedId).ToListAsync();
        var held = await db.BedHolds.Where(h => h.ReleasedAt == null).Select(h => h.BedId).ToListAsync();
        var free = await db.Beds.Where(b => b.Room.Site.Name == site && b.Room.Kind != RoomKind.SafeRoom && !occupied.Contains(b.Id)
            && !held.Contains(b.Id))
            .OrderBy(b => b.Id).Select(b => b.Id).Take(3).ToListAsync();
        var resident = new Resident { Alias = alias, ConsentToKeepData = true, RegisteredAt = now };
        var child = new Child { Alias = alias + " Junior", AgeAtArrival = 8, ArrivedOn = DateOnly.FromDateTime(now), Resident = resident };
        db.Children.Add(child);
        var stay = new Stay
        {
            Resident = resident, BedId = free[0], AdmittedAt = now.AddDays(-3), StartedAt = now.AddDays(-3),
            PlannedEndAt = now.AddDays(60)
        };
        db.Stays.Add(stay);
        var intake = new Core.Intake.Intake
        {
            Resident = resident, ReceivedAt = now.AddDays(-3), ConsentToKeepData = true,
            Outcome = Core.Intake.IntakeOutcome.Bed
        };
        db.Intakes.Add(intake);
        await db.SaveChangesAsync();
        var programme = new MedicationProgramme
        {
            ResidentId = resident.Id, Kind = MedicationKind.Art, Medicine = "Dolutegravir",
            SupplyDays = 10, SupplyAsOf = DateOnly.FromDateTime(now)
        };
        var followUp = new FollowUp
        {
            Kind = FollowUpKind.Other, ResidentId = resident.Id, What = "Call", DueAt = now.AddDays(1),
            CreatedAt = now
        };
        var document = new DocumentRecovery { ResidentId = resident.Id, Document = DocumentType.Passport, StartedAt = now };
        var session = new CounsellingSession
        {
            ChildId = child.Id, ResidentId = resident.Id, Room = "Play room at " + site,
            CounsellorName = "Counsellor of " + alias, StartsAt = now.AddDays(2), EndsAt = now.AddDays(2).AddMinutes(50), CreatedAt = now
        };
        var hold = new BedHold { BedId = free[2], ComingThrough = ArrivalRoute.Police, HeldAt = now, HeldUntil = now.AddHours(6) };
        db.AddRange(programme, followUp, document, session, hold);
        await db.SaveChangesAsync();
        return new Household(resident.Id, alias, stay.Id, child.Id, programme.Id, followUp.Id, document.Id, session.Id, intake.Id,
            free[1], hold.Id);
    });

    /// <summary>Everything the refused requests could have touched.</summary>
    private Task<string> SnapshotAsync() => _app.WithDbAsync(async db => string.Join("|",
        await db.MedicationProgrammes.CountAsync(), await db.MedicationProgrammes.CountAsync(m => m.EndedAt != null),
        await db.DocumentRecoveries.CountAsync(), await db.DocumentRecoveries.CountAsync(d => d.Status != RecoveryStatus.Open),
        await db.FollowUps.CountAsync(), await db.FollowUps.CountAsync(f => f.Status != FollowUpStatus.Open),
        await db.Stays.CountAsync(), await db.Stays.CountAsync(s => s.EndedAt != null),
            await db.Stays.CountAsync(s => s.Conditions != null),
        await db.BedHolds.CountAsync(), await db.BedHolds.CountAsync(h => h.ReleasedAt != null),
        await db.Consents.CountAsync(), await db.Children.CountAsync(c => c.School != null),
        await db.CounsellingSessions.CountAsync(), await db.CounsellingSessions.CountAsync(s => s.CancelledAt != null),
        await db.JobSearches.CountAsync()));
}
