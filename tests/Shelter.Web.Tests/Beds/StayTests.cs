using System.Net;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.FollowUps;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Beds;

/// <summary>Check-in, move, check-out and terms through the real pages, each on a house of its own.</summary>
public class StayTests : IDisposable
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: false);

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> StaffAsync()
    {
        await _app.CreateUserAsync("staff@test.shelter", Roles.Staff);
        return await _app.SignedInClientAsync("staff@test.shelter");
    }

    private static Task<HttpResponseMessage> CheckInAsync(HttpClient client, params (string Key, string Value)[] fields) =>
        client.PostFormAsync("/stays/check-in", "/stays/check-in",
            fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("intent", "checkin")));

    private static int StayIdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.ToString().Split('/').Last());

    [Fact]
    public async Task The_Rosa_story_mother_and_daughter_at_high_risk_share_a_safe_room()
    {
        var shelter = await _app.AddSiteAsync("Shelter", false, ("Family", RoomKind.Family, 3), ("Shared", RoomKind.Shared, 4));
        var centre = await _app.AddSiteAsync("Centre", false, ("Safe room", RoomKind.SafeRoom, 2));
        var staff = await StaffAsync();

        var response = await CheckInAsync(staff, ("Alias", "Rosa"), ("ChildAges", "10"), ("HighRisk", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stays = await _app.WithDbAsync(db => db.Stays.Include(s => s.Bed).ThenInclude(b => b.Room).Where(s => s.EndedAt == null)
            .ToListAsync());
        Assert.Equal(2, stays.Count);
        Assert.All(stays, s => Assert.Equal(RoomKind.SafeRoom, s.Bed.Room.Kind));
        Assert.Single(stays.Select(s => s.Bed.RoomId).Distinct());
        var hers = stays.Single(s => s.ChildId == null);
        Assert.Equal(72, (hers.PlannedEndAt - hers.StartedAt).TotalHours, precision: 3);
        var page = await staff.GetStringAsync($"/stays/{hers.Id}");
        Assert.Contains("Safe room", page);
    }

    [Fact]
    public async Task A_check_in_opens_a_review_a_week_before_the_end_and_is_audited()
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        var staff = await StaffAsync();

        var response = await CheckInAsync(staff, ("Alias", "Maria"));
        var stayId = StayIdFrom(response);

        var (stay, review, audited) = await _app.WithDbAsync(async db => (
            await db.Stays.SingleAsync(s => s.Id == stayId),
            await db.FollowUps.SingleAsync(f => f.StayId == stayId),
            await db.AuditEvents.AnyAsync(e => e.EntityType == "Stay" && e.EntityId == stayId.ToString() && e.Action == "Created")));
        Assert.Equal(90, (stay.PlannedEndAt - stay.StartedAt).TotalDays, precision: 3);
        Assert.Equal(FollowUpKind.StayReview, review.Kind);
        Assert.Equal(stay.PlannedEndAt.AddDays(-7), review.DueAt);
        Assert.True(audited);
    }

    [Fact]
    public async Task Choosing_another_bed_than_the_suggestion_needs_a_reason_which_is_kept()
    {
        var site = await _app.AddSiteAsync("Shelter", false, ("Single", RoomKind.Single, 1), ("Shared", RoomKind.Shared, 4));
        var shared = site.BedIds("Shared").First();
        var staff = await StaffAsync();

        var withoutReason = await CheckInAsync(staff, ("Alias", "Olha"), ("BedId", shared.ToString()));
        var withReason = await CheckInAsync(staff, ("Alias", "Olha"), ("BedId", shared.ToString()),
            ("OverrideReason", "She wants to be near her friend"));

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("You chose another bed than the suggested one: say why.", await withoutReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        var stay = await _app.WithDbAsync(db => db.Stays.SingleAsync());
        Assert.Equal(shared, stay.BedId);
        Assert.Equal(site.BedIds("Single").Single(), stay.SuggestedBedId);
        Assert.Equal("She wants to be near her friend", stay.OverrideReason);
    }

    [Fact]
    public async Task The_Oksana_terms_one_month_with_conditions_then_an_extension_are_recorded()
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        var staff = await StaffAsync();
        var today = SiteTime.Today("Europe/Kyiv", _app.Clock.GetUtcNow().UtcDateTime);
        var stayId = StayIdFrom(await CheckInAsync(staff, ("Alias", "Oksana"),
            ("AgreedEndOn", today.AddMonths(1).ToString("yyyy-MM-dd")), ("Conditions", "Find a job; attend counselling")));

        var extended = await staff.PostFormAsync($"/stays/{stayId}/terms", $"/stays/{stayId}/terms",
            [new("EndOn", today.AddMonths(2).ToString("yyyy-MM-dd")), new("Conditions", "Find a job; attend counselling"),
                new("Reason", "Interview next month")]);

        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        var (stay, extension, review) = await _app.WithDbAsync(async db => (
            await db.Stays.SingleAsync(s => s.Id == stayId), await db.StayExtensions.SingleAsync(),
                await db.FollowUps.SingleAsync(f => f.StayId == stayId)));
        Assert.Equal(today.AddMonths(2), SiteTime.Today("Europe/Kyiv", stay.PlannedEndAt));
        Assert.Equal("Find a job; attend counselling", stay.Conditions);
        Assert.Equal(today.AddMonths(1), SiteTime.Today("Europe/Kyiv", extension.PreviousEndAt));
        Assert.Equal("Interview next month", extension.Reason);
        Assert.Equal(stay.PlannedEndAt.AddDays(-7), review.DueAt);
        Assert.Contains("Interview next month", await staff.GetStringAsync($"/stays/{stayId}"));
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused_and_changes_nothing()
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        var staff = await StaffAsync();
        var stayId = StayIdFrom(await CheckInAsync(staff, ("Alias", "Iryna")));
        var before = await _app.WithDbAsync(db => db.Stays.Where(s => s.Id == stayId).Select(s => s.PlannedEndAt).SingleAsync());

        var response = await staff.PostFormAsync($"/stays/{stayId}/terms", $"/stays/{stayId}/terms",
            [new("EndOn", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd")), new("Reason", "typo")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The end must come after the stay began.", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await _app.WithDbAsync(db => db.Stays.Where(s => s.Id == stayId).Select(s => s.PlannedEndAt).SingleAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.StayExtensions.CountAsync()));
    }

    [Fact]
    public async Task A_mother_and_child_move_together_to_another_site_keeping_their_arrival()
    {
        await _app.AddSiteAsync("First", false, ("Family", RoomKind.Family, 2));
        var second = await _app.AddSiteAsync("Second", true, ("Family", RoomKind.Family, 3));
        var staff = await StaffAsync();
        var stayId = StayIdFrom(await CheckInAsync(staff, ("Alias", "Natalia"), ("ChildAges", "6")));
        var target = second.BedIds("Family").First();

        var moved = await staff.PostFormAsync($"/stays/{stayId}/move", $"/stays/{stayId}/move", [new("BedId", target.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var stays = await _app.WithDbAsync(db => db.Stays.Include(s => s.Bed).ThenInclude(b => b.Room).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal(4, stays.Count);
        Assert.All(stays.Take(2), s => Assert.Equal(ExitReason.MovedWithinNetwork, s.ExitReason));
        var now = stays.Skip(2).ToList();
        Assert.All(now, s => Assert.Null(s.EndedAt));
        Assert.All(now, s => Assert.Equal(second.Id, s.Bed.Room.SiteId));
        Assert.All(now, s => Assert.Equal(stays[0].AdmittedAt, s.AdmittedAt));
        var review = await _app.WithDbAsync(db => db.FollowUps.SingleAsync());
        Assert.Equal(now.Single(s => s.ChildId == null).Id, review.StayId);
    }

    [Fact]
    public async Task A_checked_out_stay_cannot_be_moved_and_nothing_changes()
    {
        var site = await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        var staff = await StaffAsync();
        var stayId = StayIdFrom(await CheckInAsync(staff, ("Alias", "Halyna")));
        var checkedOut = await staff.PostFormAsync($"/stays/{stayId}/check-out", $"/stays/{stayId}/check-out",
            [new("Reason", "HerChoice"), new("Destination", "FamilyOrFriends")]);
        Assert.Equal(HttpStatusCode.Redirect, checkedOut.StatusCode);

        var move = await staff.PostFormAsync($"/stays/{stayId}/move", $"/stays/{stayId}/move",
            [new("BedId", site.BedIds("Shared").Last().ToString())]);

        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await move.Content.ReadAsStringAsync());
        Assert.Contains("She was checked out at", page);
        Assert.Contains("cannot be moved", page);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Stays.CountAsync()));
        var review = await _app.WithDbAsync(db => db.FollowUps.SingleAsync());
        Assert.Equal(FollowUpStatus.Cancelled, review.Status);
    }

    [Fact]
    public async Task Check_out_needs_a_reason_and_a_destination()
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        var staff = await StaffAsync();
        var stayId = StayIdFrom(await CheckInAsync(staff, ("Alias", "Svitlana")));

        var response = await staff.PostFormAsync($"/stays/{stayId}/check-out", $"/stays/{stayId}/check-out", []);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Choose why the stay ends.", html);
        Assert.Contains("Choose where she goes", html);
        Assert.Null(await _app.WithDbAsync(db => db.Stays.Select(s => s.EndedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_full_house_gives_no_bed_but_says_what_to_offer_instead()
    {
        await _app.AddSiteAsync("Shelter", false, ("Single", RoomKind.Single, 1));
        var staff = await StaffAsync();
        await CheckInAsync(staff, ("Alias", "First"));

        var response = await CheckInAsync(staff, ("Alias", "Second"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("No bed is free tonight.", html);
        Assert.Contains("Offer a safe room at a partner or the waiting list.", html);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task Child_ages_that_are_not_ages_get_a_clear_message()
    {
        await _app.AddSiteAsync("Shelter", false, ("Family", RoomKind.Family, 4));
        var staff = await StaffAsync();

        var response = await CheckInAsync(staff, ("Alias", "Ola"), ("ChildAges", "10, twelve"));

        Assert.Contains("is not a child&#x27;s age", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.WithDbAsync(db => db.Residents.CountAsync()));
    }
}
