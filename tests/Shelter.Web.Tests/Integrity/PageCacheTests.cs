using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Core.Sites;
using Shelter.Web.Infrastructure.Caching;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Integrity;

/// <summary>
/// A busy page asked for again by the same worker, with nothing changed, is sent as rendered a moment ago:
/// never to anyone else, never once something changed, always audited, with forms that still work.
/// </summary>
public partial class PageCacheTests
{
    private static async Task<(ShelterFactory App, HttpClient Staff, int BedId)> HouseAsync()
    {
        var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false);
        var site = await app.AddSiteAsync("Shelter", false, ("Single", RoomKind.Single, 2));
        await app.CreateUserAsync("staff@test.shelter", Roles.Staff);
        await app.CreateUserAsync("other@test.shelter", Roles.Staff);
        // Pages are kept within a window of the app's clock: start the test at the start of one, so it cannot end midway.
        var window = (long)PageCache.MaxAge.TotalMilliseconds;
        app.Clock.SetTo(DateTime.UnixEpoch.AddMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / window * window + window));
        return (app, await app.SignedInClientAsync("staff@test.shelter"), site.BedIds("Single").First());
    }

    private static long Served(ShelterFactory app) => app.Services.GetRequiredService<PageCache>().Served;

    [GeneratedRegex("name=\"__SubmissionKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormKey();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static string WithoutFreshValues(string html) => Token().Replace(FormKey().Replace(html, ""), "");

    private static List<string> FormKeys(string html) => FormKey().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task PageCache_a_page_asked_for_again_is_sent_kept_with_new_form_keys_and_token_and_audited_each_time()
    {
        var (app, staff, _) = await HouseAsync();
        using var _ = app;
        var before = Served(app);

        var first = await staff.GetStringAsync("/beds");
        var second = await staff.GetStringAsync("/beds");

        Assert.Equal(before + 1, Served(app));
        Assert.Equal(WithoutFreshValues(first), WithoutFreshValues(second));
        Assert.NotEmpty(FormKeys(second));
        Assert.Empty(FormKeys(first).Intersect(FormKeys(second)));
        // A fresh antiforgery token too, as a render gives: no secret repeats byte for byte across responses.
        Assert.NotEqual(HttpClientForms.AntiforgeryToken(first), HttpClientForms.AntiforgeryToken(second));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == "BedBoard")));
    }

    [Fact]
    public async Task PageCache_a_form_on_a_kept_page_is_accepted_and_its_change_shows_on_the_next_view()
    {
        var (app, staff, bedId) = await HouseAsync();
        using var _ = app;
        await staff.GetStringAsync("/beds");
        var kept = await staff.GetStringAsync("/beds");
        Assert.Contains($"data-bed=\"{bedId}\" data-state=\"Free\"", kept);

        var held = await staff.PostAsync($"/beds/{bedId}/hold", new FormUrlEncodedContent([
            new("Hours", "4"), new("ComingThrough", "Police"), new("__RequestVerificationToken", HttpClientForms.AntiforgeryToken(kept)),
            new("__SubmissionKey", FormKeys(kept)[0])]));

        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        await staff.GetStringAsync("/beds"); // the notice, shown once
        var served = Served(app);
        Assert.Contains($"data-bed=\"{bedId}\" data-state=\"Held\"", await staff.GetStringAsync("/beds"));
        Assert.Equal(served, Served(app));
    }

    [Fact]
    public async Task PageCache_never_sends_one_workers_page_to_another()
    {
        var (app, staff, _) = await HouseAsync();
        using var _ = app;
        var other = await app.SignedInClientAsync("other@test.shelter");
        await staff.GetStringAsync("/beds");
        var served = Served(app);

        await other.GetStringAsync("/beds");
        await app.SignedInClientAsync("staff@test.shelter").ContinueWith(t => t.Result.GetStringAsync("/beds")).Unwrap();

        Assert.Equal(served, Served(app)); // another worker, and the same worker in another browser session: rendered
    }

    [Fact]
    public async Task PageCache_a_disabled_account_is_refused_though_her_page_was_kept()
    {
        var (app, staff, _) = await HouseAsync();
        using var _ = app;
        await staff.GetStringAsync("/beds");
        await staff.GetStringAsync("/beds");
        var id = await app.UserIdAsync("staff@test.shelter");

        await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Shelter.Core.Accounts.ShelterUser>>();
            var user = await users.FindByIdAsync(id);
            await users.UpdateSecurityStampAsync(user!);
            return 0;
        });

        var after = await staff.GetAsync("/beds");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageCache_a_page_is_not_kept_past_its_window_of_time()
    {
        var (app, staff, _) = await HouseAsync();
        using var _ = app;
        await staff.GetStringAsync("/beds");
        var served = Served(app);

        app.Clock.Advance(PageCache.MaxAge);
        await staff.GetStringAsync("/beds");

        Assert.Equal(served, Served(app));
    }
}

/// <summary>The rules of <see cref="PageCache"/> on their own: what is sent while a page is rendered again after a change.</summary>
public class PageCacheRulesTests
{
    private static readonly PageCache.Page Board = new("board"u8.ToArray(), [], "text/html", []);

    private static (PageCache Cache, DataChanges Changes) NewCache()
    {
        var changes = new DataChanges();
        return (new PageCache(changes, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new PageCacheOptions())), changes);
    }

    private static TaskCompletionSource<PageCache.Page?> Mine() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public void PageCache_after_a_change_the_first_renders_others_get_the_page_before_but_never_the_worker_who_made_the_change()
    {
        var (cache, changes) = NewCache();
        var key = cache.KeyFor("night-worker", "session", "/beds");
        var first = Mine();
        Assert.Equal((null, true), cache.Ask(key, "night-worker", changes.Generation, first, out _));
        cache.Rendered(key, key, changes.Generation, first, Board);
        Assert.Same(Board.Body, cache.Ask(key, "night-worker", changes.Generation, Mine(), out _).Send?.Body);

        changes.Changed(by: "colleague"); // a colleague checks a woman in
        var again = Mine();
        Assert.Equal((null, true), cache.Ask(key, "night-worker", changes.Generation, again, out _)); // renders afresh
        // While that render is under way: the page a moment old to her, but a wait for the colleague who made the change.
        Assert.Same(Board.Body, cache.Ask(key, "night-worker", changes.Generation, Mine(), out _).Send?.Body);
        Assert.True(changes.ShowsOwnChanges("night-worker", 0));
        Assert.False(changes.ShowsOwnChanges("colleague", 0));
        var colleagueKey = cache.KeyFor("colleague", "session", "/beds");
        var colleagueRenders = Mine();
        cache.Ask(colleagueKey, "colleague", 0, colleagueRenders, out _);
        cache.Rendered(colleagueKey, colleagueKey, 0, colleagueRenders, Board); // rendered before her change
        var renderer = Mine();
        Assert.Equal((null, true), cache.Ask(colleagueKey, "colleague", changes.Generation, renderer, out _));
        var (send, render) = cache.Ask(colleagueKey, "colleague", changes.Generation, Mine(), out var underWay);
        Assert.Null(send);
        Assert.False(render);
        Assert.Same(renderer.Task, underWay);
    }

    [Fact]
    public void PageCache_a_render_that_finishes_after_a_newer_one_does_not_replace_it()
    {
        var (cache, changes) = NewCache();
        var key = cache.KeyFor("worker", "session", "/tasks");
        var older = Mine();
        cache.Ask(key, "worker", changes.Generation, older, out _);
        changes.Changed();
        var newer = Mine();
        cache.Ask(key, "worker", changes.Generation, newer, out _);
        var newerPage = new PageCache.Page("newer"u8.ToArray(), [], "text/html", []);

        cache.Rendered(key, key, changes.Generation, newer, newerPage);
        cache.Rendered(key, key, changes.Generation - 1, older, Board);

        Assert.Same(newerPage.Body, cache.Ask(key, "worker", changes.Generation, Mine(), out _).Send?.Body);
    }
}
