using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Core.Children;
using Shelter.Core.Data;
using Shelter.Core.FollowUps;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Integrity;

/// <summary>
/// Several staff on one record at once, double clicks and resends: exactly one change wins, the
/// others hear what happened, nothing is done twice, never a 500.
/// </summary>
public class WriteIntegrityTests : IDisposable
{
    private readonly ShelterFactory _app;

    public WriteIntegrityTests() : this(null) { }

    /// <summary>On SQLite here; <see cref="Postgres.PostgresWriteIntegrityTests"/> gives the same tests a PostgreSQL database.</summary>
    protected WriteIntegrityTests(IDictionary<string, string?>? settings) =>
        _app = new(ShelterFactory.NewDataFolder(), demo: false, settings);

    public void Dispose() => _app.Dispose();

    private async Task<(HttpClient A, HttpClient B)> TwoStaffAsync()
    {
        await _app.CreateUserAsync("a@test.shelter", Roles.Staff);
        await _app.CreateUserAsync("b@test.shelter", Roles.CaseManager);
        return (await _app.SignedInClientAsync("a@test.shelter"), await _app.SignedInClientAsync("b@test.shelter"));
    }

    private static async Task<int> CheckInAsync(HttpClient client, string alias)
    {
        var response = await client.PostFormAsync("/stays/check-in", "/stays/check-in", [new("Alias", alias), new("intent", "checkin")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    /// <summary>The same form as one page load sends it: its token and one key, however often it is sent.</summary>
    private static async Task<Func<Task<HttpResponseMessage>>> FormAsync(HttpClient client, string page, string action,
        params (string Key, string Value)[] fields)
    {
        var token = HttpClientForms.AntiforgeryToken(await client.GetStringAsync(page));
        var key = HttpClientForms.NewSubmissionKey();
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new("__RequestVerificationToken", token)).Append(new(HttpClientForms.SubmissionKeyField, key)).ToList();
        return () => client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>What the page told her: the alert boxes, for a failure message that says what she saw.</summary>
    private static async Task<string> AlertsAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}: " + string.Join(" | ",
            System.Text.RegularExpressions.Regex.Matches(await TextAsync(response), "class=\"alert[^>]*>(.*?)</div>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Groups[1].Value.Trim()));

    [Fact]
    public async Task WriteIntegrity_twelve_check_outs_of_one_stay_at_once_end_it_once_and_the_others_hear_who_was_first()
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        var (a, b) = await TwoStaffAsync();
        var stayId = await CheckInAsync(a, "Halyna");
        var reasons = new[] { "HerChoice", "PlannedEnd", "LeftWithoutNotice" };
        var forms = new List<Func<Task<HttpResponseMessage>>>();
        for (var i = 0; i < 12; i++)
            forms.Add(await FormAsync(i % 2 == 0 ? a : b, $"/stays/{stayId}/check-out", $"/stays/{stayId}/check-out",
                ("Reason", reasons[i % 3]), ("Destination", "FamilyOrFriends")));

        var responses = await Task.WhenAll(forms.Select(send => Task.Run(send)));

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        var winners = responses.Select((r, i) => (r, i)).Where(x => x.r.StatusCode == HttpStatusCode.Redirect).ToList();
        var winner = Assert.Single(winners);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            Assert.True((await TextAsync(loser)).Contains("She was checked out at"), await AlertsAsync(loser));
        var stay = await _app.WithDbAsync(db => db.Stays.SingleAsync(s => s.Id == stayId));
        Assert.Equal(Enum.Parse<ExitReason>(reasons[winner.i % 3]), stay.ExitReason); // the first word stands, nobody overwrote it
        Assert.Equal(1,
            await _app.WithDbAsync(db =>
            db.AuditEvents.CountAsync(e => e.EntityType == "Stay" && e.EntityId == stayId.ToString() && e.Action == "Changed")));
    }

    [Fact]
    public async Task WriteIntegrity_a_move_and_a_check_out_of_the_same_stay_at_once_never_both_succeed()
    {
        var site = await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 12), ("Other", RoomKind.Shared, 12));
        var (a, b) = await TwoStaffAsync();
        var freeBeds = new Queue<int>(site.BedIds("Other"));
        for (var round = 0; round < 8; round++)
        {
            var stayId = await CheckInAsync(a, $"Woman {round}");
            var move = await FormAsync(a, $"/stays/{stayId}/move", $"/stays/{stayId}/move", ("BedId", freeBeds.Dequeue().ToString()));
            var checkOut = await FormAsync(b, $"/stays/{stayId}/check-out", $"/stays/{stayId}/check-out", ("Reason", "HerChoice"),
                ("Destination", "OwnHousing"));

            var responses = await Task.WhenAll(Task.Run(move), Task.Run(checkOut));

            Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            var loser = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(await TextAsync(loser),
                "She was (checked out|moved to another bed) at"), await AlertsAsync(loser));
            var residentId = await _app.WithDbAsync(db => db.Stays.Where(s => s.Id == stayId).Select(s => s.ResidentId).SingleAsync());
            var stays = await _app.WithDbAsync(db => db.Stays.Where(s => s.ResidentId == residentId).ToListAsync());
            if (responses[0].StatusCode == HttpStatusCode.Redirect)
                Assert.Single(stays, s => s.EndedAt == null); // moved: she sleeps in exactly one bed
            else
                Assert.All(stays, s => Assert.NotNull(s.EndedAt)); // checked out: no new bed was taken for her
        }
    }

    [Fact]
    public async Task WriteIntegrity_a_double_clicked_new_woman_check_in_creates_one_woman_in_one_bed_and_both_clicks_land_on_her_stay()
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        var (a, _) = await TwoStaffAsync();
        var checkIn = await FormAsync(a, "/stays/check-in", "/stays/check-in", ("Alias", "Twice Clicked"), ("ChildAges", "4"),
            ("intent", "checkin"));

        var responses = await Task.WhenAll(Task.Run(checkIn), Task.Run(checkIn));
        var again = await checkIn(); // and the back button and send once more

        Assert.All(responses.Append(again), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Append(again).Select(r => r.Headers.Location!.ToString()).Distinct());
        Assert.Equal(1, await _app.WithDbAsync(db => db.Residents.CountAsync(r => r.Alias == "Twice Clicked")));
        Assert.Equal(2, await _app.WithDbAsync(db => db.Stays.CountAsync(s => s.EndedAt == null))); // her bed and her child's
        var page = WebUtility.HtmlDecode(await a.GetStringAsync(again.Headers.Location!.ToString()));
        Assert.Contains("already saved", page);
    }

    [Fact]
    public async Task WriteIntegrity_a_resent_intake_medication_programme_and_follow_up_are_each_recorded_once()
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        var (_, caseManager) = await TwoStaffAsync();
        var intake = await FormAsync(caseManager, "/intake/new", "/intake/new", ("Route", "HelpLine"), ("Alias", "Resent"),
            ("ConsentToKeepData", "true"));
        var first = await intake();
        var second = await intake();
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Intakes.CountAsync()));
        var residentId = await _app.WithDbAsync(db => db.Residents.Where(r => r.Alias == "Resent").Select(r => r.Id).SingleAsync());

        var programme = await FormAsync(caseManager, $"/medication/residents/{residentId}", $"/medication/residents/{residentId}",
            ("Kind", "Art"), ("Medicine", "Dolutegravir"), ("Dose", "50 mg"), ("Schedule", "TakeHome"));
        await Task.WhenAll(Task.Run(programme), Task.Run(programme));
        Assert.Equal(1, await _app.WithDbAsync(db => db.MedicationProgrammes.CountAsync(m => m.ResidentId == residentId)));

        var followUp = await FormAsync(caseManager, $"/tasks/new?residentId={residentId}", $"/tasks/new?residentId={residentId}",
            ("Kind", "Other"), ("What", "Call the legal clinic"),
                ("DueOn", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd")));
        await Task.WhenAll(Task.Run(followUp), Task.Run(followUp));
        Assert.Equal(1,
            await _app.WithDbAsync(db => db.FollowUps.CountAsync(f => f.ResidentId == residentId && f.Kind == FollowUpKind.Other)));
    }

    [Fact]
    public async Task WriteIntegrity_a_form_without_its_one_time_key_is_refused_and_changes_nothing()
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        var (a, _) = await TwoStaffAsync();
        var token = HttpClientForms.AntiforgeryToken(await a.GetStringAsync("/stays/check-in"));

        var response = await a.PostAsync("/stays/check-in", new FormUrlEncodedContent(
            [new("Alias", "No key"), new("intent", "checkin"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task WriteIntegrity_a_stale_change_to_a_versioned_record_fails_instead_of_overwriting_the_first()
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        var (a, _) = await TwoStaffAsync();
        var stayId = await CheckInAsync(a, "Versioned");
        using var first = _app.Services.CreateScope();
        using var second = _app.Services.CreateScope();
        var db1 = first.ServiceProvider.GetRequiredService<ShelterDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<ShelterDbContext>();
        var review1 = await db1.FollowUps.SingleAsync(f => f.StayId == stayId);
        var review2 = await db2.FollowUps.SingleAsync(f => f.StayId == stayId);

        review1.Status = FollowUpStatus.Done;
        await db1.SaveChangesAsync();
        review2.Status = FollowUpStatus.Cancelled;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        Assert.Equal(FollowUpStatus.Done, (await _app.WithDbAsync(db => db.FollowUps.SingleAsync(f => f.StayId == stayId))).Status);
    }

    [Fact]
    public async Task WriteIntegrity_the_database_itself_refuses_a_counselling_session_that_clashes()
    {
        await _app.AddSiteAsync("Shelter", false, ("Family", RoomKind.Family, 4));
        var (a, _) = await TwoStaffAsync();
        await a.PostFormAsync("/stays/check-in", "/stays/check-in",
            [new("Alias", "Mother"), new("ChildAges", "6, 9"), new("intent", "checkin")]);
        var children = await _app.WithDbAsync(db => db.Children.OrderBy(c => c.Id).ToListAsync());
        var at = DateTime.UtcNow.Date.AddDays(3).AddHours(9);
        CounsellingSession Session(int childId, string room, string counsellor) => new()
        {
            ChildId = childId, ResidentId = children[0].ResidentId, CounsellorName = counsellor, Room = room,
            StartsAt = at, EndsAt = at.AddMinutes(50), CreatedAt = DateTime.UtcNow,
        };
        await _app.WithDbAsync(async db =>
        {
            db.CounsellingSessions.Add(Session(children[0].Id, "Blue room",
            "Dr. One")); return await db.SaveChangesAsync();
        });

        // Past every check in the code, straight to the database: same room, same counsellor, same child.
        foreach (var clash in new[] { Session(children[1].Id, " blue ROOM ", "Dr. Two"),
            Session(children[1].Id, "Green room", "dr. one"), Session(children[0].Id, "Green room", "Dr. Two") })
            await Assert.ThrowsAsync<DbUpdateException>(() =>
                _app.WithDbAsync(async db => { db.CounsellingSessions.Add(clash); return await db.SaveChangesAsync(); }));
        await _app.WithDbAsync(async db =>
        {
            db.CounsellingSessions.Add(Session(children[1].Id, "Green room",
            "Dr. Two")); return await db.SaveChangesAsync();
        });
        Assert.Equal(2, await _app.WithDbAsync(db => db.CounsellingSessions.CountAsync()));
    }
}
