using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Accessibility;

/// <summary>
/// A worker who cannot or does not use a mouse signs in, records an intake and checks a woman in with Tab,
/// Shift+Tab, Space, Enter and the arrow keys only. Every element that takes focus shows it (an outline or
/// a focus ring), focus follows the order of the form, and a refused form puts focus on the first field to
/// fix, with its error tied to it.
/// </summary>
public class AccessibilityKeyboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly PageWaitForURLOptions PageWait = new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 };

    public sealed class Focused
    {
        public string Key { get; set; } = "";
        public string Tag { get; set; } = "";
        public bool Ring { get; set; }
        public string Why { get; set; } = "";
    }

    // The focused element, named by its id, its name and value, or its text; and whether its focus can be seen.
    private const string FocusedJs = """
        () => {
          const e = document.activeElement;
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
          const shadow = s.boxShadow && s.boxShadow !== 'none';
          const key = e.id || (e.name ? e.name + '=' + e.value : (e.getAttribute('href') || e.textContent.trim()));
          const why = s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow + ' ' + e.matches(':focus') + ' ' + e.className;
          return { key, tag: e.tagName.toLowerCase(), ring: outline || !!shadow, why };
        }
        """;

    private static Task<Focused> FocusedAsync(IPage page) => page.EvaluateAsync<Focused>(FocusedJs);

    /// <summary>Tabs until the element matching <paramref name="selector"/> has focus; every stop on the way must show its focus.</summary>
    private static async Task<List<Focused>> TabToAsync(IPage page, string selector, int most = 90)
    {
        var path = new List<Focused>();
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            Assert.True(focused.Ring, $"focus on {focused.Tag} {focused.Key} cannot be seen: {focused.Why}");
            path.Add(focused);
            if (await page.EvaluateAsync<bool>("s => document.activeElement.matches(s)", selector)) return path;
        }
        Assert.Fail($"{selector} never got focus in {most} Tabs: {string.Join(", ", path.Select(p => p.Key))}");
        return path;
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal("Email", (await FocusedAsync(page)).Key); // the form starts with focus in it
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(ShelterFactory.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/", PageWait);
    }

    [Fact]
    public async Task Accessibility_an_intake_is_recorded_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, DemoAccounts.Staff);

        // The first Tab reaches the skip link, which then shows; the menu leads to the intake.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#main", (await FocusedAsync(page)).Key);
        Assert.True((await page.Locator("a[href='#main']").BoundingBoxAsync())!.Width > 20, "the skip link shows when it has focus");
        await TabToAsync(page, "a[href='/intake/new']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/intake/new", PageWait);

        // Focus goes through the form in the order it reads, every field and box, to the button.
        var inOrder = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll(
                'main form input:not([type=hidden]), main form select, main form textarea, main form button, main form a[href]')]
              .filter(e => e.getBoundingClientRect().width > 0)
              .map(e => e.id || (e.name ? e.name + '=' + e.value : (e.getAttribute('href') || e.textContent.trim())))
            """);
        await TabToAsync(page, "#Route");
        var path = new List<string> { "Route" };
        // A date field takes three Tabs (day, month, year): one stop in the order.
        foreach (var key in (await TabToAsync(page, "main form button[type=submit]")).Select(f => f.Key))
            if (path[^1] != key) path.Add(key);
        Assert.Equal(inOrder.TakeWhile(k => !k.StartsWith("Decide", StringComparison.Ordinal)).Append(path[^1]), path);

        // Sent empty: the server refuses it, focus lands on the first field to fix, its error is read with it.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main [role=alert].validation-summary-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Route")).ToBeFocusedAsync();
        foreach (var (field, message) in new[] { ("Route", "Choose how she reached us."),
            ("Alias", "Enter the name she wants to be called") })
        {
            var input = page.Locator("#" + field);
            await Assertions.Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(input).ToHaveAttributeAsync("aria-describedby", new Regex($"\\b{field}-error\\b"));
            await Assertions.Expect(page.Locator($"#{field}-error")).ToContainTextAsync(message);
            Assert.True(await page.EvaluateAsync<bool>("f => document.getElementById(f).nextElementSibling.id === f + '-error'", field),
                $"the error of {field} sits next to it");
        }

        // Now fill it in: an arrow key picks how she came, Tab moves on, Space ticks her consent.
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.NotEqual("", await page.Locator("#Route").InputValueAsync());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Alias", (await FocusedAsync(page)).Key);
        await page.Keyboard.TypeAsync("Keyboard intake");
        foreach (var (field, score) in new[] { ("Hurt", "4"), ("Insult", "3"), ("Threaten", "3"), ("Scream", "2") })
        {
            await TabToAsync(page, "#" + field);
            await page.Keyboard.TypeAsync(score);
        }
        await Assertions.Expect(page.Locator("#hits-score")).ToContainTextAsync("HITS 12 of 20");
        await TabToAsync(page, "#ConsentToKeepData");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#ConsentToKeepData")).ToBeCheckedAsync();
        // Shift+Tab goes back to the field before it, and Tab returns.
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("RefusedBecause", (await FocusedAsync(page)).Key);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("ConsentToKeepData", (await FocusedAsync(page)).Key);
        await TabToAsync(page, "main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("/intake/\\d+$"), PageWait);
        await Assertions.Expect(page.GetByTestId("hits")).ToContainTextAsync("12 of 20: positive");
        Assert.Equal(1, await browser.App.WithDbAsync(db => db.Residents.CountAsync(r => r.Alias == "Keyboard intake")));
    }

    [Fact]
    public async Task Accessibility_a_woman_is_checked_in_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, DemoAccounts.Staff);

        await TabToAsync(page, "a[href='/stays/check-in']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/stays/check-in", PageWait);

        await TabToAsync(page, "#Alias");
        await page.Keyboard.TypeAsync("Keyboard check-in");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("ChildAges", (await FocusedAsync(page)).Key);
        await page.Keyboard.TypeAsync("6");
        await TabToAsync(page, "button[value=suggest]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("suggestion")).ToContainTextAsync("stay together");

        // The form comes back with what she typed and the suggested bed; Space presses the button.
        await TabToAsync(page, "button[value=checkin]");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByText("She is checked in.")).ToBeVisibleAsync();
        Assert.Equal(1,
            await browser.App.WithDbAsync(db =>
            db.Stays.CountAsync(s => s.EndedAt == null && s.ChildId == null && s.Resident.Alias == "Keyboard check-in")));
    }
}
