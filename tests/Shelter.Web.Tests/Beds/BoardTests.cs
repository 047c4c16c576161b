using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Beds;

public class BoardTests(ShelterFactory app) : IClassFixture<ShelterFactory>
{
    [Fact]
    public async Task The_board_shows_every_bed_with_its_state_in_words()
    {
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);

        var html = await staff.GetStringAsync("/beds?site=all");

        var beds = await app.WithDbAsync(db => db.Beds.CountAsync());
        Assert.Equal(beds, Regex.Count(html, "data-bed=\""));
        foreach (var state in new[] { "Free", "Held", "Occupied", "Out of service" })
            Assert.Contains($"class=\"badge bed-badge\">{state}</span>", html);
    }

    [Fact]
    public async Task The_board_shows_one_site_by_default_with_a_switch_to_the_others_and_all_sites_and_one_hold_form()
    {
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);
        var sites = await app.WithDbAsync(db => db.Sites.OrderBy(s => s.Name)
            .Select(s => new { s.Id, Beds = s.Rooms.SelectMany(r => r.Beds).Count() }).ToListAsync());

        var first = await staff.GetStringAsync("/beds"); // staff without sites of their own: the first site
        var other = await staff.GetStringAsync($"/beds?site={sites[1].Id}");
        var all = await staff.GetStringAsync("/beds?site=all");

        Assert.Equal(sites[0].Beds, Regex.Count(first, "data-bed=\""));
        Assert.Equal(sites[1].Beds, Regex.Count(other, "data-bed=\""));
        Assert.Equal(sites.Sum(s => s.Beds), Regex.Count(all, "data-bed=\""));
        foreach (var site in sites) Assert.Contains($"href=\"/beds?site={site.Id}\"", first);
        Assert.Contains("href=\"/beds?site=all\"", first);
        foreach (var page in new[] { first, other, all })
            Assert.Equal(1, Regex.Count(page, "action=\"/beds/hold\""));
    }

    [Fact]
    public async Task Pages_carry_no_indentation_outside_pre_and_textarea_and_keep_what_she_typed()
    {
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);
        var stayId = await app.WithDbAsync(db => db.Stays.Where(s => s.EndedAt == null && s.ChildId == null)
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        await app.WithDbAsync(db => db.Stays.Where(s => s.Id == stayId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Conditions, "Look for a job\n    and attend counselling")));
        var indented = new Regex("^[ \t]+\\S", RegexOptions.Multiline);

        Assert.DoesNotMatch(indented, await staff.GetStringAsync("/beds?site=all"));
        var terms = await staff.GetStringAsync($"/stays/{stayId}/terms");
        Assert.Matches("Look for a job(&#xA;|\n)    and attend counselling</textarea>", terms); // Razor may encode her line break
        Assert.DoesNotMatch(indented, Regex.Replace(terms, "<textarea.*?</textarea>", "", RegexOptions.Singleline));

        // Lines inside pre and textarea keep their spaces, whatever the case of the tag.
        var page = "  <p>\n    text\n  <TEXTAREA name=\"x\">first\n    second\n  </textarea>\n  <pre>\n    code\n</pre>\n    <b>\n"
            + "\t<Pre>x</PRE>\n  <p>Ребёнок: Марина</p>\n  <prefix>\n  y\n   ";
        Assert.Equal("<p>\ntext\n<TEXTAREA name=\"x\">first\n    second\n  </textarea>\n<pre>\n    code\n</pre>\n<b>\n"
            + "<Pre>x</PRE>\n<p>Ребёнок: Марина</p>\n<prefix>\ny\n", Shelter.Web.Infrastructure.Mvc.StripIndentation.Strip(page));
    }

    [Fact]
    public async Task Tonights_totals_per_site_match_the_database()
    {
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);
        var html = await staff.GetStringAsync("/beds?site=all");

        var sites = await app.WithDbAsync(db => db.Sites.Select(s => new
        {
            s.Id,
            Beds = s.Rooms.SelectMany(r => r.Beds).Count(),
            Occupied = db.Stays.Count(x => x.EndedAt == null && x.Bed.Room.SiteId == s.Id),
            Women = db.Stays.Count(x => x.EndedAt == null && x.ChildId == null && x.Bed.Room.SiteId == s.Id),
        }).ToListAsync());
        foreach (var site in sites)
        {
            var totals = Regex.Match(html, $"data-testid=\"totals-{site.Id}\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Contains($"{site.Occupied} occupied", totals);
            Assert.Contains($"{site.Beds} beds", totals);
            Assert.Contains(site.Women == 1 ? "1 woman" : $"{site.Women} women", totals);
        }
    }

    [Fact]
    public async Task A_mother_shows_with_her_children_and_children_show_by_age_only()
    {
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);
        var html = await staff.GetStringAsync("/beds?site=all");

        var childNames = await app.WithDbAsync(db => db.Children.Select(c => c.Alias).ToListAsync());
        Assert.Contains("with 2 children", html);
        Assert.Contains("with 1 child<", html);
        Assert.Contains("child, 10", html);
        Assert.All(childNames, name => Assert.DoesNotContain($">{name}<", html));
    }

    [Fact]
    public async Task Stays_near_their_end_are_flagged_in_words()
    {
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);
        var html = await staff.GetStringAsync("/beds?site=all");

        Assert.Matches(@"text-danger fw-semibold""> · \d+ (days left|h left)", html);
    }

    [Fact]
    public async Task The_dashboard_counts_free_beds_as_the_board_does_held_and_out_of_service_are_not_free()
    {
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);

        var board = await staff.GetStringAsync("/beds?site=all");
        var dashboard = await staff.GetStringAsync("/");

        var freeOnBoard = Regex.Count(board, "data-state=\"Free\"");
        var freeOnDashboard = Regex.Matches(dashboard, "data-testid=\"free\">(\\d+) ").Sum(m => int.Parse(m.Groups[1].Value));
        Assert.Equal(freeOnBoard, freeOnDashboard);
    }

    [Fact]
    public async Task Viewing_the_board_is_audit_logged()
    {
        var before = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == "BedBoard"));
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);

        await staff.GetStringAsync("/beds");

        Assert.Equal(before + 1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == "BedBoard")));
    }

    [Fact]
    public async Task A_social_worker_sees_the_board_but_cannot_check_anyone_in()
    {
        var sw = await app.SignedInClientAsync(DemoAccounts.SocialWorker);

        var html = await sw.GetStringAsync("/beds");
        var checkIn = await sw.GetAsync("/stays/check-in");

        Assert.DoesNotContain("/stays/check-in", html);
        Assert.Equal(HttpStatusCode.Forbidden, checkIn.StatusCode);
    }

    [Theory]
    [InlineData(DemoAccounts.Admin, "/beds")]
    [InlineData(DemoAccounts.Admin, "/stays/check-in")]
    [InlineData(DemoAccounts.Manager, "/stays/check-in")]
    [InlineData(DemoAccounts.Staff, "/sites")]
    [InlineData(DemoAccounts.CaseManager, "/sites/new")]
    public async Task Each_role_is_refused_what_is_not_its_work(string email, string url)
    {
        var client = await app.SignedInClientAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
    }
}
