using System.Net;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Sites;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Beds;

public class SitesTests(ShelterFactory app) : IClassFixture<ShelterFactory>
{
    [Fact]
    public async Task A_manager_sets_up_a_site_with_a_room_of_beds_and_defaults_of_90_days_and_72_hours()
    {
        var manager = await app.SignedInClientAsync(DemoAccounts.Manager);

        var created = await manager.PostFormAsync("/sites/new", "/sites/new",
            [new("Name", "Riverside Safe Rooms"), new("IsAddressConfidential", "true"), new("MaxStayDays", "90"),
                new("MaxSafeRoomStayHours", "72"), new("TimeZoneId", "Europe/Kyiv")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var siteUrl = created.Headers.Location!.ToString();
        var room = await manager.PostFormAsync(siteUrl, $"{siteUrl}/rooms",
            [new("Name", "Safe room 3"), new("Kind", "SafeRoom"), new("Beds", "3")]);
        Assert.Equal(HttpStatusCode.Redirect, room.StatusCode);

        var site = await app.WithDbAsync(db => db.Sites.Include(s => s.Rooms).ThenInclude(r => r.Beds)
            .SingleAsync(s => s.Name == "Riverside Safe Rooms"));
        Assert.True(site.IsAddressConfidential);
        Assert.Equal(90, site.MaxStayDays);
        Assert.Equal(72, site.MaxSafeRoomStayHours);
        Assert.Equal(["SR3-1", "SR3-2", "SR3-3"], site.Rooms.Single().Beds.Select(b => b.Label).Order().ToArray());
        Assert.Contains("SR3-2", await manager.GetStringAsync(siteUrl));
    }

    [Fact]
    public async Task A_bed_goes_out_of_service_for_a_range_and_back()
    {
        var manager = await app.SignedInClientAsync(DemoAccounts.Manager);
        var (siteId, bedId) = await FreeBedAsync();
        var url = $"/sites/{siteId}/beds/{bedId}/out-of-service";
        var today = SiteTime.Today("Europe/Kyiv", DateTime.UtcNow);

        var saved = await manager.PostFormAsync(url, url,
            [new("From", today.ToString("yyyy-MM-dd")), new("To", today.AddDays(3).ToString("yyyy-MM-dd")), new("Reason", "Repair")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);
        Assert.Contains($"data-bed=\"{bedId}\" data-state=\"OutOfService\"", await staff.GetStringAsync($"/beds?site={siteId}"));

        var recordId = await app.WithDbAsync(db => db.BedsOutOfService.Where(o => o.BedId == bedId).Select(o => o.Id).SingleAsync());
        var back = await manager.PostFormAsync($"/sites/{siteId}", $"/sites/{siteId}/out-of-service/{recordId}/end", []);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Contains($"data-bed=\"{bedId}\" data-state=\"Free\"", await staff.GetStringAsync($"/beds?site={siteId}"));
    }

    [Fact]
    public async Task Bad_out_of_service_input_gets_a_clear_message_and_changes_nothing()
    {
        var manager = await app.SignedInClientAsync(DemoAccounts.Manager);
        var (siteId, bedId) = await FreeBedAsync();
        var otherSite = await app.WithDbAsync(db => db.Sites.Where(s => s.Id != siteId).Select(s => s.Id).FirstAsync());
        var occupied = await app.WithDbAsync(db => db.Stays.Where(s => s.EndedAt == null && s.Bed.Room.SiteId == siteId)
            .Select(s => s.BedId).FirstAsync());
        var today = SiteTime.Today("Europe/Kyiv", DateTime.UtcNow).ToString("yyyy-MM-dd");
        var before = await app.WithDbAsync(db => db.BedsOutOfService.CountAsync());

        var wrongSite = await manager.PostFormAsync($"/sites/{siteId}/beds/{bedId}/out-of-service",
            $"/sites/{otherSite}/beds/{bedId}/out-of-service",
            [new("From", today), new("Reason", "Repair")]);
        Assert.Equal(HttpStatusCode.Redirect, wrongSite.StatusCode);
        Assert.Contains("That bed is not at this site.", await manager.GetStringAsync($"/sites/{otherSite}"));
        var backwards = await manager.PostFormAsync($"/sites/{siteId}/beds/{bedId}/out-of-service",
            $"/sites/{siteId}/beds/{bedId}/out-of-service",
            [new("From", today), new("To", SiteTime.Today("Europe/Kyiv", DateTime.UtcNow).AddDays(-3).ToString("yyyy-MM-dd")),
                new("Reason", "Repair")]);
        var typo = await manager.PostFormAsync($"/sites/{siteId}/beds/{bedId}/out-of-service",
            $"/sites/{siteId}/beds/{bedId}/out-of-service",
            [new("From", today), new("To", "9999-01-01"), new("Reason", "Repair")]);
        var someoneSleepsThere = await manager.PostFormAsync($"/sites/{siteId}/beds/{occupied}/out-of-service",
            $"/sites/{siteId}/beds/{occupied}/out-of-service",
            [new("From", today), new("Reason", "Cleaning")]);

        Assert.Contains("The last day cannot come before the first day.", await backwards.Content.ReadAsStringAsync());
        Assert.Contains("The last day must be between", System.Net.WebUtility.HtmlDecode(await typo.Content.ReadAsStringAsync()));
        Assert.Contains("Someone sleeps in this bed tonight. Move her first", await someoneSleepsThere.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.WithDbAsync(db => db.BedsOutOfService.CountAsync()));
    }

    [Fact]
    public async Task A_site_needs_a_name_and_a_known_time_zone()
    {
        var manager = await app.SignedInClientAsync(DemoAccounts.Manager);

        var noName = await manager.PostFormAsync("/sites/new", "/sites/new", [new("Name", ""), new("TimeZoneId", "Europe/Kyiv")]);
        var badZone = await manager.PostFormAsync("/sites/new", "/sites/new",
            [new("Name", "Somewhere"), new("TimeZoneId", "Mars/Olympus")]);

        Assert.Contains("Give the site a name.", await noName.Content.ReadAsStringAsync());
        Assert.Contains("is not a time zone this server knows", await badZone.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Sites.AnyAsync(s => s.Name == "Somewhere")));
    }

    [Fact]
    public async Task A_yes_no_field_with_nonsense_in_it_redraws_the_form_with_a_message_not_a_server_error()
    {
        var manager = await app.SignedInClientAsync(DemoAccounts.Manager);

        // What wapiti sent: the site form answered 500 while drawing the checkbox again.
        var response = await manager.PostFormAsync("/sites/new", "/sites/new",
            [new("Name", "Scanner Site"), new("IsAddressConfidential", "true;env;"), new("MaxStayDays", "90"),
                new("MaxSafeRoomStayHours", "72"), new("TimeZoneId", "Europe/Kyiv")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tick the box or leave it empty.", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Sites.AnyAsync(s => s.Name == "Scanner Site")));
    }

    private Task<(int SiteId, int BedId)> FreeBedAsync() => app.WithDbAsync(async db =>
    {
        var bed = await db.Beds.Where(b => b.Room.Site.Name == "Safe House North"
                && !db.Stays.Any(s => s.BedId == b.Id && s.EndedAt == null)
                && !db.BedHolds.Any(h => h.BedId == b.Id && h.ReleasedAt == null)
                && !db.BedsOutOfService.Any(o => o.BedId == b.Id))
            .Select(b => new { b.Id, b.Room.SiteId }).FirstAsync();
        return (bed.SiteId, bed.Id);
    });
}
