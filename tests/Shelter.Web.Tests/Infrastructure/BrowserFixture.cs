using Microsoft.Playwright;

namespace Shelter.Web.Tests.Infrastructure;

/// <summary>
/// The app on Kestrel at a free port, and Debian's Chromium driven by Playwright
/// (its own browser download does not work here; its bundled driver does).
/// Set SHELTER_SCREENSHOTS to a folder to keep screenshots of the pages the tests visit.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    // Chromium talks plain HTTP to Kestrel here, as ./run.sh does on 127.0.0.1.
    public ShelterFactory App { get; } = new(ShelterFactory.NewDataFolder(), demo: true,
        new Dictionary<string, string?> { ["Security:AllowInsecureCookies"] = "true" });

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? locale = null)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = App.ServerAddress.ToString().TrimEnd('/'),
            ViewportSize = new() { Width = width, Height = height },
            Locale = locale, // also sent as Accept-Language
            // No transitions (Bootstrap honours reduced motion): a focus ring or a page is checked as it
            // is, not half-way through a fade that a busy machine may catch at its first frame.
            ReducedMotion = ReducedMotion.Reduce,
        });
        // Two cores shared with the build and the app under test: give slow moments room.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A page signed in through the real login form (and the code form for the demo manager and
    /// administrator, whose role requires two-factor sign-in), on her dashboard.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string email, int width = 1280, int height = 900, string? locale = null)
    {
        var page = await NewPageAsync(width, height, locale);
        await page.GotoAsync("/Account/Login", Html);
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(ShelterFactory.DemoPassword);
        await page.Locator("main button[type=submit]").ClickAsync();
        if (email is DemoAccounts.Manager or DemoAccounts.Admin)
        {
            await page.WaitForURLAsync("**/Account/LoginWith2fa**", SignedInWait);
            await page.Locator("#Code").FillAsync(await App.AuthenticatorCodeAsync(email));
            await page.Locator("main button[type=submit]").ClickAsync();
        }
        await page.WaitForURLAsync("**/", SignedInWait);
        return page;
    }

    // A page is there once its HTML is: on a loaded machine the full "load" event (every script and
    // image) can take longer than the default wait, which then failed with the dashboard already shown.
    private static readonly PageGotoOptions Html = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
    private static readonly PageWaitForURLOptions SignedInWait = new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 };

    public async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("SHELTER_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
