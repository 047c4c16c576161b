using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shelter.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Shelter.Web.Tests.Accessibility.AccessibilityBrowser;

namespace Shelter.Web.Tests.Accessibility;

/// <summary>
/// axe-core on every page every role opens: no serious or critical WCAG 2.1 A/AA violation, at desktop
/// width and on a 390 px phone, with the browser asking for English and for Russian. One browser, one
/// context per role, size and language, pages visited in a loop. Every page is checked in all four
/// combinations: at desktop in English as each role that opens it, in the other three once (by the first
/// role that opens it) plus every role's dashboard. English and Russian are two classes, so xUnit runs
/// them side by side.
/// </summary>
public class AccessibilityAxeSweepTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Only violations carry their nodes back: the passes of a long page are most of the time spent.
        ResultTypes = [ResultType.Violations],
    };

    [Fact]
    public Task Accessibility_every_page_for_every_role_on_a_desktop_in_English() => SweepAsync(1280, "en-GB", Pages.All);

    [Fact]
    public Task Accessibility_every_page_on_a_phone_in_English() => SweepAsync(PhoneWidth, "en-GB", Pages.EachOnce);

    internal enum Pages { All, EachOnce }

    internal async Task SweepAsync(int width, string locale, Pages pages)
    {
        var seen = new HashSet<string>();
        var pagesByRole = await PagesByRoleAsync(browser.App);
        var failures = new List<string>();
        var checkedPages = 0;

        // Before sign-in: the sign-in page, empty and refused.
        var anonymous = await browser.NewPageAsync(width, 844, locale);
        await anonymous.GotoAsync("/Account/Login", Html);
        await CheckAsync(anonymous, "anonymous", "/Account/Login", failures);
        await anonymous.Locator("main button[type=submit]").ClickAsync();
        await CheckAsync(anonymous, "anonymous", "/Account/Login (refused)", failures);
        await anonymous.Context.CloseAsync();

        foreach (var role in Roles)
        {
            var page = await SignedInPageAsync(browser, role, width, locale);
            foreach (var url in pagesByRole[role])
            {
                // Once per page: a page another role opened is the same view, apart from the dashboard.
                if (pages == Pages.EachOnce && !seen.Add(url) && url != "/") continue;
                await page.GotoAsync(url, Html);
                await CheckAsync(page, role, url, failures);
                checkedPages++;
            }
            await page.Context.CloseAsync();
        }

        output.WriteLine($"{checkedPages} pages checked at {width} px in {locale}");
        foreach (var failure in failures) output.WriteLine(failure);
        Assert.True(checkedPages > (pages == Pages.All ? 60 : 20), $"only {checkedPages} pages were checked");
        Assert.Empty(failures);
    }

    private static async Task CheckAsync(IPage page, string role, string url, List<string> failures)
    {
        // axe.run in the page itself. The default mode runs each frame apart and finishes in a blank page of
        // its own, which took 2.5–4 s a check here against 0.7–1.3 s; Shelter's pages have no frames to merge.
#pragma warning disable CS0618 // "legacy" mode: kept in the pinned 4.14 package, the version we run
        var result = await page.Locator("html").RunAxeLegacy(Wcag21AA);
#pragma warning restore CS0618
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            foreach (var node in violation.Nodes.Take(3))
                failures.Add($"{role} {url}: {violation.Impact} {violation.Id} ({violation.Help}) at {node.Target} {Short(node.Html)}");
    }

    private static string Short(string html) => html.Length <= 160 ? html : html[..160] + "…";
}

/// <summary>The same sweep with the browser asking for Russian: longer words, other labels.</summary>
public class AccessibilityAxeSweepRussianTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private AccessibilityAxeSweepTests Sweep { get; } = new(browser, output);

    [Fact]
    public Task Accessibility_every_page_on_a_phone_in_Russian() =>
        Sweep.SweepAsync(PhoneWidth, "ru-RU", AccessibilityAxeSweepTests.Pages.EachOnce);

    [Fact]
    public Task Accessibility_every_page_on_a_desktop_in_Russian() =>
        Sweep.SweepAsync(1280, "ru-RU", AccessibilityAxeSweepTests.Pages.EachOnce);
}
