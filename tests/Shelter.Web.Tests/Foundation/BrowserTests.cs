using Microsoft.Playwright;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Foundation;

/// <summary>Real Chromium against the real server on a real port.</summary>
public class BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_staff_member_signs_in_in_the_browser_and_sees_her_dashboard()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Email").FillAsync(DemoAccounts.Staff);
        await page.GetByLabel("Password").FillAsync(ShelterFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "In the house tonight" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Safe House North")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "dashboard-staff");
    }

    [Fact]
    public async Task Client_side_validation_explains_an_empty_sign_in()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Enter your email.")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "sign-in");
    }

    [Theory]
    [InlineData(DemoAccounts.Staff, "/", "dashboard-staff-phone")]
    [InlineData(DemoAccounts.Admin, "/admin/users", "accounts-phone")]
    public async Task Pages_fit_a_phone_screen_without_sideways_scrolling(string email, string url, string screenshot)
    {
        var page = await browser.NewPageAsync(width: 375, height: 740);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ShelterFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/");
        await page.GotoAsync(url);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(overflow <= 0, $"{url} is {overflow}px wider than a phone screen");
        await browser.ScreenshotAsync(page, screenshot);
    }
}
