using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shelter.Core.Audit;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Deploy;

/// <summary>Kestrel behind a real TLS-terminating nginx, with the production cookies (no AllowInsecureCookies).</summary>
public class ReverseProxyTests
{
    [Fact]
    public async Task Behind_nginx_with_TLS_a_worker_signs_in_holds_a_bed_and_signs_out_in_the_browser()
    {
        await using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: true);
        app.UseKestrel(0);
        app.StartServer();
        using var nginx = await NginxProxy.StartAsync(app.ServerAddress);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = nginx.Address.ToString().TrimEnd('/'), IgnoreHTTPSErrors = true });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        var login = await page.GotoAsync("/Account/Login");
        Assert.Equal(200, login!.Status);
        await page.GetByLabel("Email").FillAsync(DemoAccounts.Staff);
        await page.GetByLabel("Password").FillAsync(ShelterFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "In the house tonight" })).ToBeVisibleAsync();

        var session = (await context.CookiesAsync()).Single(c => c.Name == "__Host-Shelter.Session");
        Assert.True(session.Secure);
        Assert.True(session.HttpOnly);

        await page.GotoAsync("/beds");
        var holdsBefore = await app.WithDbAsync(db => db.BedHolds.CountAsync());
        await page.Locator("details#hold summary").ClickAsync(); // the board's one hold form
        await page.GetByRole(AriaRole.Button, new() { Name = "Hold this bed" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("The bed is held for 4 hours.")).ToBeVisibleAsync();
        Assert.Equal(holdsBefore + 1, await app.WithDbAsync(db => db.BedHolds.CountAsync()));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Login**");
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "__Host-Shelter.Session");
        var afterSignOut = await page.GotoAsync("/beds");
        Assert.Contains("/Account/Login", afterSignOut!.Url);

        // The audit log names the browser's address, not the proxy's.
        var addresses = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.SignedIn).Select(e => e.Ip)
            .ToListAsync());
        Assert.Equal("127.0.0.1", Assert.Single(addresses));
    }

    [Fact]
    public async Task The_sign_in_limit_counts_each_forwarded_client_address_and_each_account_apart()
    {
        await using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: true, new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerMinute"] = "3",
            ["RateLimits:SignInPerAccountPerMinute"] = "4",
        });
        app.UseKestrel(0);
        app.StartServer();

        async Task<HttpStatusCode> AttemptAsync(string client, string email)
        {
            using var http = ForwardedFrom(app.ServerAddress, client);
            var form = await http.GetAsync("/Account/Login");
            Assert.Equal(HttpStatusCode.OK, form.StatusCode); // answered 500 before forwarded headers were read
            return (await http.SignInAsync(email, "wrong password here")).StatusCode;
        }

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) first.Add(await AttemptAsync("203.0.113.1", $"nobody{i}@demo.shelter"));
        var other = await AttemptAsync("203.0.113.2", "someone@demo.shelter");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, other);

        // One account tried from many addresses slows down too.
        var spread = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) spread.Add(await AttemptAsync($"198.51.100.{i + 1}", DemoAccounts.CaseManager));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], spread);

        var recorded = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.SignInFailed).Select(e => e.Ip)
            .Distinct().ToListAsync());
        Assert.Contains("203.0.113.1", recorded);
        Assert.Contains("198.51.100.4", recorded);
        Assert.DoesNotContain("127.0.0.1", recorded);
    }

    /// <summary>
    /// A client that speaks to Kestrel as nginx would on behalf of <paramref name="client"/>: plain HTTP from
    /// loopback (a known proxy) with X-Forwarded-For and X-Forwarded-Proto: https, carrying its Secure cookies itself.
    /// </summary>
    private static HttpClient ForwardedFrom(Uri server, string client) =>
        new(new ForwardingHandler(client)
        {
            InnerHandler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false
            }
        })
        { BaseAddress = server };

    private sealed class ForwardingHandler(string client) : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Add("X-Forwarded-For", client);
            request.Headers.Add("X-Forwarded-Proto", "https");
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var pair in set.Select(c => c.Split(';')[0].Split('=', 2)))
                    _cookies[pair[0]] = pair[1];
            return response;
        }
    }
}
