using Microsoft.Playwright;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Foundation;

/// <summary>Real Chromium against the real server on a real port.</summary>
public class BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // The dashboard is there once its HTML is: on a loaded machine the full "load" event (every script and
    // image) can take longer than the default wait, which then failed with the dashboard already shown.
    private const float SignedInTimeout = 60_000;

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
    [InlineData(DemoAccounts.Staff, "/beds", "bed-board-phone")]
    [InlineData(DemoAccounts.Staff, "/stays/check-in", "check-in-phone")]
    [InlineData(DemoAccounts.Manager, "/sites", "sites-phone")]
    [InlineData(DemoAccounts.Staff, "/intake/new", "intake-phone")]
    [InlineData(DemoAccounts.Staff, "/intake/waiting", "waiting-list-phone")]
    [InlineData(DemoAccounts.CaseManager, "/partners", "partners-phone")]
    [InlineData(DemoAccounts.CaseManager, "/residents", "residents-phone")]
    [InlineData(DemoAccounts.CaseManager, "/medication", "medication-phone")]
    [InlineData(DemoAccounts.CaseManager, "/tasks", "tasks-phone")]
    [InlineData(DemoAccounts.CaseManager, "/documents", "documents-phone")]
    [InlineData(DemoAccounts.SocialWorker, "/children", "children-phone")]
    [InlineData(DemoAccounts.Manager, "/reports/occupancy", "occupancy-phone")]
    [InlineData(DemoAccounts.Manager, "/reports/outcomes", "outcomes-phone")]
    public async Task Pages_fit_a_phone_screen_without_sideways_scrolling(string email, string url, string screenshot)
    {
        var page = await SignedInPageAsync(email, width: 375, height: 740);
        await page.GotoAsync(url);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(overflow <= 0, $"{url} is {overflow}px wider than a phone screen");
        await browser.ScreenshotAsync(page, screenshot);
    }

    private async Task<IPage> SignedInPageAsync(string email, int width = 1280, int height = 900)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ShelterFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (email is DemoAccounts.Manager or DemoAccounts.Admin)
        {
            await page.WaitForURLAsync("**/Account/LoginWith2fa**");
            await page.GetByLabel("Code").FillAsync(await browser.App.AuthenticatorCodeAsync(email));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            try { await AtHomeAsync(page); }
            catch (TimeoutException) // say why rather than only that it timed out
            {
                Assert.Fail($"Sign-in as {email} stopped at {page.Url}: {await page.Locator("main").InnerTextAsync()}");
            }
        }
        await AtHomeAsync(page);
        return page;
    }

    /// <summary>
    /// Waits until the page shows her dashboard: a polled condition, because a wait for the navigation
    /// itself was seen to miss a redirect that had already landed on a busy machine.
    /// </summary>
    private static Task AtHomeAsync(IPage page) => page.WaitForFunctionAsync(
        "() => location.pathname === '/' && document.readyState !== 'loading'", null,
        new() { Timeout = SignedInTimeout, PollingInterval = 100 });

    [Fact]
    public async Task The_bed_board_prints_on_one_page_for_the_night_shift()
    {
        var page = await SignedInPageAsync(DemoAccounts.Staff);
        await page.GotoAsync("/beds");
        await browser.ScreenshotAsync(page, "bed-board");

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });

        var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
        Assert.Equal(1, pages);
    }

    [Fact]
    public async Task Staff_check_in_a_woman_with_the_suggested_bed_from_the_browser()
    {
        var page = await SignedInPageAsync(DemoAccounts.Staff);
        await page.GotoAsync("/stays/check-in");
        await page.GetByLabel("Someone new: the name she wants to be called").FillAsync("Browser test");
        await page.GetByLabel("Ages of the children with her").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest a bed" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("suggestion")).ToContainTextAsync("stay together");
        await browser.ScreenshotAsync(page, "check-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).Last.ClickAsync();

        await Assertions.Expect(page.GetByText("She is checked in.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Browser test")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_intake_shows_the_HITS_score_as_it_is_typed_and_records_the_outcome()
    {
        var page = await SignedInPageAsync(DemoAccounts.Staff);
        await page.GotoAsync("/intake/new");
        await page.GetByLabel("She reached us through").SelectOptionAsync("HelpLine");
        await page.GetByLabel("Name or alias she wants to be called").FillAsync("Browser intake");
        await page.GetByLabel("physically hurt you").FillAsync("4");
        await page.GetByLabel("insult or talk down to you").FillAsync("3");
        await page.GetByLabel("threaten you with harm").FillAsync("3");
        await page.GetByLabel("scream or curse at you").FillAsync("2");
        await Assertions.Expect(page.Locator("#hits-score")).ToContainTextAsync("HITS 12 of 20: positive");
        await page.GetByLabel("She agrees that we keep what she told us").CheckAsync();
        await browser.ScreenshotAsync(page, "intake");

        await page.GetByRole(AriaRole.Button, new() { Name = "Decide and record" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("outcome")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("hits")).ToContainTextAsync("12 of 20: positive");
        await browser.ScreenshotAsync(page, "intake-outcome");
    }

    [Fact]
    public async Task A_case_manager_reads_a_resident_record()
    {
        var id = await browser.App.WithDbAsync(db =>
            Task.FromResult(db.MedicationProgrammes.OrderBy(m => m.Id).AsEnumerable()
            .First(m => m.Kind == Shelter.Core.Medication.MedicationKind.Ost).ResidentId));
        var page = await SignedInPageAsync(DemoAccounts.CaseManager);
        await page.GotoAsync($"/residents/{id}");

        await Assertions.Expect(page.GetByTestId("medication")).ToContainTextAsync("Opioid substitution therapy");
        await browser.ScreenshotAsync(page, "resident-case-manager");
    }

    [Theory]
    [InlineData(DemoAccounts.Manager, "/reports/occupancy", "occupancy-report")]
    [InlineData(DemoAccounts.CaseManager, "/medication", "medication-continuity")]
    [InlineData(DemoAccounts.CaseManager, "/tasks", "follow-ups")]
    public async Task Desktop_pages_render_without_script_errors(string email, string url, string screenshot)
    {
        var page = await SignedInPageAsync(email);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(errors); // a CSP violation or a broken script shows up here
        await browser.ScreenshotAsync(page, screenshot);
    }

    [Fact]
    public async Task A_staff_member_sets_up_two_factor_on_her_phone_and_then_signs_in_with_its_code()
    {
        await browser.App.CreateUserAsync("phone.setup@test.shelter", Shelter.Core.Accounts.Roles.Staff);
        var page = await SignedInPageAsync("phone.setup@test.shelter", width: 375, height: 740);
        await page.GotoAsync("/Account/TwoFactor");
        await Assertions.Expect(page.GetByAltText("QR code with the key for your authenticator app")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "two-factor-setup-phone");

        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "");
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key));
        await page.GetByLabel("Code from the app").FillAsync(totp.ComputeTotp(browser.App.Clock.GetUtcNow().UtcDateTime));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        Assert.Equal(10, await page.GetByTestId("recovery-codes").Locator("li").CountAsync());

        var next = await browser.NewPageAsync(375, 740);
        await next.GotoAsync("/Account/Login");
        await next.GetByLabel("Email").FillAsync("phone.setup@test.shelter");
        await next.GetByLabel("Password").FillAsync(ShelterFactory.DemoPassword);
        await next.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await next.WaitForURLAsync("**/Account/LoginWith2fa**");
        await browser.ScreenshotAsync(next, "two-factor-code-phone");
        await next.GetByLabel("Code").FillAsync(await browser.App.AuthenticatorCodeAsync("phone.setup@test.shelter"));
        await next.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(next.GetByRole(AriaRole.Heading, new() { Name = "In the house tonight" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_administrator_chooses_the_sites_a_case_manager_works_at()
    {
        var page = await SignedInPageAsync(DemoAccounts.Admin);
        await page.GotoAsync("/admin/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Demo case manager" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Safe House North")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Harm Reduction Centre")).ToBeCheckedAsync();
        await browser.ScreenshotAsync(page, "account-sites");
    }
}
