using Microsoft.Playwright;
using Shelter.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Shelter.Web.Tests.Accessibility.AccessibilityBrowser;

namespace Shelter.Web.Tests.Accessibility;

/// <summary>
/// A phone at night, 390 px wide: nothing scrolls sideways on any page, even when every text on it grows
/// a long Russian word, and everything a thumb must hit on every page is at least 44 × 44 px.
/// </summary>
public class AccessibilityPhoneTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    // Longer than any word in the Russian or Ukrainian resources; translations only make words longer.
    private const string LongWord = "Достопримечательностейпереосвидетельствование";

    private const string Overflow = "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth";

    // Every text on the page (labels, buttons, menu, headings, table cells, options) ends in the long word.
    private const string GrowEveryText = """
        word => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const texts = [];
          while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.nodeValue.trim() && !node.parentElement.closest('script, style')) texts.push(node);
          }
          texts.forEach(node => node.nodeValue = node.nodeValue + ' ' + word);
        }
        """;

    /// <summary>
    /// One load of every page of every role (and the sign-in page) answers both questions: does anything
    /// scroll sideways, even with long Russian words, and is everything a thumb must hit at least 44 px.
    /// </summary>
    [Fact]
    public async Task Accessibility_no_page_scrolls_sideways_and_every_touch_target_is_44px_on_a_phone()
    {
        var pagesByRole = await PagesByRoleAsync(browser.App);
        var failures = new List<string>();
        var (checkedPages, targets) = (0, 0);
        var signIn = await browser.NewPageAsync(PhoneWidth, 844, "ru-RU");
        targets += await CheckPhonePageAsync(signIn, "anonymous", "/Account/Login", withMenu: false, failures);
        await signIn.Context.CloseAsync();
        foreach (var role in Roles)
        {
            var page = await SignedInPageAsync(browser, role, PhoneWidth, "ru-RU");
            foreach (var url in pagesByRole[role])
            {
                // The menu is the layout's, the same on every page of a role: its links are measured once.
                targets += await CheckPhonePageAsync(page, role, url, withMenu: url == pagesByRole[role][0], failures);
                checkedPages++;
            }
            await page.Context.CloseAsync();
        }
        output.WriteLine($"{checkedPages} pages checked, {targets} touch targets measured");
        foreach (var failure in failures) output.WriteLine(failure);
        Assert.True(checkedPages > 60, $"only {checkedPages} pages were checked");
        Assert.True(targets > checkedPages * 5, $"only {targets} touch targets were measured");
        Assert.Empty(failures);
    }

    /// <summary>Opens the page, measures its touch targets (with the menu open if asked), then checks for sideways scrolling
    /// as it is and with every text grown a long word; returns how many targets were measured.</summary>
    private static async Task<int> CheckPhonePageAsync(IPage page, string role, string url, bool withMenu, List<string> failures)
    {
        await page.GotoAsync(url, Html);
        var overflow = await page.EvaluateAsync<int>(Overflow);
        if (overflow > 0) failures.Add($"{role} {url}: {overflow}px wider than the phone");
        var targets = (await page.EvaluateAsync<TouchTarget[]>(MeasureTargets)).ToList();
        if (withMenu)
        {
            // The menu's links are targets too: open it, measure, and close it again before the words grow.
            await page.Locator(".navbar-toggler").ClickAsync();
            await Assertions.Expect(page.Locator("#nav")).ToBeVisibleAsync();
            targets.AddRange((await page.EvaluateAsync<TouchTarget[]>(MeasureTargets)).Where(t => t.InMenu));
            await page.Locator(".navbar-toggler").ClickAsync();
            await Assertions.Expect(page.Locator("#nav")).ToBeHiddenAsync();
        }
        failures.AddRange(targets.Where(t => t.Width < 44 || t.Height < 44)
            .Select(t => $"{role} {url}: {t.What} is {t.Width:0}×{t.Height:0}px, under 44px"));
        await page.EvaluateAsync(GrowEveryText, LongWord);
        overflow = await page.EvaluateAsync<int>(Overflow);
        if (overflow > 0) failures.Add(
            $"{role} {url}: {overflow}px wider than the phone with long words; widest: {await WidestAsync(page)}");
        return targets.Count;
    }

    // What sticks out first (its parent still fits), to say where to look.
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const width = document.scrollingElement.clientWidth;
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join('');
          const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1
            && e.parentElement.getBoundingClientRect().right <= width + 1);
          return out.slice(0, 3)
            .map(e => name(e.parentElement) + ' > ' + name(e) + ' ' + Math.round(e.getBoundingClientRect().width) + 'px')
            .join(', ');
        }
        """);

    [Fact]
    public async Task Accessibility_the_intake_on_a_phone_puts_its_checkboxes_two_to_a_row()
    {
        var page = await SignedInPageAsync(browser, DemoAccounts.Staff, PhoneWidth, "ru-RU");
        await page.GotoAsync("/intake/new", Html);

        // Every question is still there: six missing documents, the needs, her consent.
        await Assertions.Expect(page.Locator("input[name=MissingDocuments]")).ToHaveCountAsync(6);
        foreach (var pair in new[] { ("#NeedsAccessibleRoom", "#Pregnant"), ("#doc-Passport", "#doc-NationalId"),
            ("#doc-ChildBirthCertificate", "#doc-MedicalRecords") })
        {
            var first = (await page.Locator(pair.Item1).BoundingBoxAsync())!;
            var second = (await page.Locator(pair.Item2).BoundingBoxAsync())!;
            Assert.True(Math.Abs(first.Y - second.Y) < 2 && second.X > first.X + 100, $"{pair.Item1} and {pair.Item2} share a row");
        }
        var screens = await page.EvaluateAsync<double>(
            "() => document.querySelector('main form').getBoundingClientRect().height / window.innerHeight");
        output.WriteLine($"the intake form is {screens:0.0} screens of a 390 × 844 phone");

        // With SHELTER_SCREENSHOTS set: the README's pictures of a night in Russian on a phone.
        await browser.ScreenshotAsync(page, "ru-phone-intake");
        // The HITS score is said in her language too (the keyboard test reads the English).
        foreach (var (field, score) in new[] { ("Hurt", "4"), ("Insult", "3"), ("Threaten", "3"), ("Scream", "2") })
            await page.Locator("#" + field).FillAsync(score);
        await Assertions.Expect(page.Locator("#hits-score")).ToContainTextAsync("HITS 12 из 20: положительный");
        foreach (var (url, name) in new[] { ("/beds", "ru-phone-board"), ("/", "ru-phone-dashboard") })
        {
            await page.GotoAsync(url, Html);
            await browser.ScreenshotAsync(page, name);
        }
    }

    public sealed class TouchTarget
    {
        public string What { get; set; } = "";
        public double Width { get; set; }
        public double Height { get; set; }
        public bool InMenu { get; set; }
    }

    /// <summary>
    /// Touch targets, measured WCAG 2.5.8's way but to the 44 px of 2.5.5: a checkbox or radio
    /// counts with its label (tapping the label ticks it). Exceptions, as 2.5.8 names them: a link inside a
    /// sentence or a line of text (its size is set by the text around it), and the skip link (off screen
    /// until a keyboard focuses it).
    /// </summary>
    private const string MeasureTargets = """
        () => {
          const shown = e => {
            const r = e.getBoundingClientRect(), s = getComputedStyle(e);
            return r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
          };
          // 2.5.8's inline exception: a link that sits in a line of text, with words around it.
          const inline = a => {
            if (a.tagName !== 'A'
              || /\b(btn|nav-link|navbar-brand|list-group-item|dropdown-item|card-link|stretched-link)\b/.test(a.className)) return false;
            const block = a.parentElement.closest('p, li, td, th, dd, dt, div, small, span, h1, h2, h3, h4, h5, h6, label, summary');
            return block && block.textContent.replace(/\s+/g, ' ').trim().length > a.textContent.replace(/\s+/g, ' ').trim().length;
          };
          const out = [];
          for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
            if (!shown(e) || e.closest('.visually-hidden-focusable') || inline(e)) continue;
            let r = e.getBoundingClientRect();
            let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
            if (e.type === 'checkbox' || e.type === 'radio') {
              const label = e.id && document.querySelector('label[for="' + e.id + '"]');
              const area = label || e;
              const a = area.getBoundingClientRect();
              box = {
                left: Math.min(box.left, a.left), top: Math.min(box.top, a.top),
                right: Math.max(box.right, a.right), bottom: Math.max(box.bottom, a.bottom)
              };
            }
            const what = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.type && e.tagName === 'INPUT' ? '[' + e.type + ']' : '')
              + ' "' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '"';
            out.push({ what, width: box.right - box.left, height: box.bottom - box.top, inMenu: !!e.closest('#nav') });
          }
          return out;
        }
        """;
}
