using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Integrity;

/// <summary>Two workers in two browsers on one stay, and the back button: what a night shift does in real Chromium.</summary>
public class WriteIntegrityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // The dashboard is there once its HTML is: on a loaded machine the full "load" event (every script and
    // image) can take longer than the default wait, which then failed with the dashboard already shown.
    private static readonly PageWaitForURLOptions SignedInWait = new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 };

    [Fact]
    public async Task WriteIntegrity_two_workers_check_out_the_same_woman_and_the_second_is_told_who_was_first()
    {
        var stayId = await browser.App.WithDbAsync(db => db.Stays.Where(s => s.EndedAt == null && s.ChildId == null)
            .OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync());
        var staff = await browser.SignedInPageAsync(DemoAccounts.Staff);
        var caseManager = await browser.SignedInPageAsync(DemoAccounts.CaseManager);
        foreach (var page in new[] { staff, caseManager })
        {
            await page.GotoAsync($"/stays/{stayId}/check-out");
            await page.GetByLabel("Why the stay ends").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByLabel("Where she goes").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        }

        await staff.GetByRole(AriaRole.Button, new() { Name = "Check out" }).ClickAsync();
        await staff.WaitForURLAsync("**/beds", SignedInWait);
        await caseManager.GetByRole(AriaRole.Button, new() { Name = "Check out" }).ClickAsync();

        await Assertions.Expect(caseManager.GetByRole(AriaRole.Alert))
            .ToContainTextAsync("She was checked out at", new() { Timeout = 30_000 });
        await browser.ScreenshotAsync(caseManager, "check-out-conflict");
        Assert.Equal(1,
            await browser.App.WithDbAsync(db =>
            db.AuditEvents.CountAsync(e => e.EntityType == "Stay" && e.EntityId == stayId.ToString() && e.Action == "Changed")));
    }

    [Fact]
    public async Task WriteIntegrity_back_and_send_again_in_the_browser_checks_her_in_once()
    {
        var page = await browser.SignedInPageAsync(DemoAccounts.Staff);
        await page.GotoAsync("/stays/check-in");
        await page.GetByLabel("Someone new: the name she wants to be called").FillAsync("Back Button Woman");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await page.WaitForURLAsync("**/stays/*", SignedInWait);

        // Not sure it went through, she goes back: signed-in pages are never cached, so the form comes
        // again from the server, empty; she types the name again and sends it.
        await page.GoBackAsync();
        await page.GetByLabel("Someone new: the name she wants to be called").FillAsync("Back Button Woman");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();

        await Assertions.Expect(page.GetByText("This was already saved")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Matches("/stays/\\d+$", page.Url); // on her stay, the first send's result
        Assert.Equal(1, await browser.App.WithDbAsync(db => db.Residents.CountAsync(r => r.Alias == "Back Button Woman")));
        await browser.ScreenshotAsync(page, "already-saved");

        // A new check-in opened from the menu is a new form: it is not mistaken for a resend.
        await page.GotoAsync("/stays/check-in");
        await page.GetByLabel("Someone new: the name she wants to be called").FillAsync("Second Woman");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await page.WaitForURLAsync("**/stays/*", SignedInWait);
        Assert.Equal(1, await browser.App.WithDbAsync(db => db.Residents.CountAsync(r => r.Alias == "Second Woman")));
    }
}
