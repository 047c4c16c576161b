using System.Net;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shelter.Core.Accounts;
using Shelter.Core.Sites;
using Shelter.Web.Features.Privacy;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Security;

public class HeaderAndSessionTests(ShelterFactory app) : IClassFixture<ShelterFactory>
{
    [Fact]
    public async Task Every_response_carries_the_security_headers_and_signed_in_pages_are_not_stored()
    {
        var anonymous = await app.NewClient().GetAsync("/Account/Login");
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);
        var board = await staff.GetAsync("/beds");

        foreach (var response in new[] { anonymous, board })
        {
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            var permissions = response.Headers.GetValues("Permissions-Policy").Single();
            Assert.Contains("geolocation=()", permissions);
            Assert.Contains("camera=()", permissions);
            Assert.Contains("microphone=()", permissions);
        }
        Assert.True(board.Headers.CacheControl!.NoStore);
        // HSTS is sent over HTTPS to a real host name (browsers ignore it for localhost, and so does the middleware).
        var overTls = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(
            "https://shelter.example"), AllowAutoRedirect = false
        });
        Assert.Contains("max-age=31536000",
            (await overTls.GetAsync("/Account/Login")).Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task The_session_cookie_is_host_prefixed_secure_http_only_and_strict()
    {
        var client = app.NewClient();

        var response = await client.SignInAsync(DemoAccounts.SocialWorker, ShelterFactory.DemoPassword);

        var cookie = response.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("__Host-Shelter.Session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("path=/", cookie);
        Assert.DoesNotContain("domain=", cookie);
    }

    [Fact]
    public async Task Every_cookie_on_the_way_in_and_after_is_host_prefixed_secure_http_only_and_strict()
    {
        var client = app.NewClient();
        var cookies = new List<string>();
        void Keep(HttpResponseMessage r) { if (r.Headers.TryGetValues("Set-Cookie", out var set)) cookies.AddRange(set); }

        Keep(await client.GetAsync("/Account/Login"));
        var password = await client.SignInAsync(DemoAccounts.Manager, ShelterFactory.DemoPassword); // the two-factor step's cookie
        Keep(password);
        Keep(await client.PostFormAsync("/Account/LoginWith2fa", "/Account/LoginWith2fa",
            [new("Code", await app.AuthenticatorCodeAsync(DemoAccounts.Manager))]));
        var bed = await app.WithDbAsync(db => db.Beds.Select(b => b.Id).FirstAsync());
        var staff = app.NewClient();
        await staff.SignInAsync(DemoAccounts.Staff, ShelterFactory.DemoPassword);
        Keep(await staff.PostFormAsync("/beds", $"/beds/{bed}/hold",
            [new("ComingThrough", "Police"), new("Hours", "0")])); // a notice after the redirect

        var names = cookies.Select(c => c.Split('=')[0]).Distinct().ToList();
        Assert.Contains("__Host-Shelter.TwoFactor", names);
        Assert.Contains("__Host-Shelter.Notice", names);
        Assert.Contains("__Host-Shelter.Session", names);
        foreach (var cookie in cookies.Where(c => !c.Contains("expires=Thu, 01 Jan 1970")))
        {
            Assert.StartsWith("__Host-", cookie);
            Assert.Contains("secure", cookie);
            Assert.Contains("httponly", cookie);
            Assert.Contains("samesite=strict", cookie);
            Assert.DoesNotContain("domain=", cookie);
        }
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_on_its_next_request()
    {
        await app.CreateUserAsync("leaving.now@test.shelter", Roles.Staff);
        var worker = await app.SignedInClientAsync("leaving.now@test.shelter");
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/beds")).StatusCode);
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var id = await app.UserIdAsync("leaving.now@test.shelter");

        await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}",
            [new("DisplayName", "Leaving"), new("Roles", "Staff"), new("Disabled", "true")]);
        var next = await worker.GetAsync("/beds");

        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/Account/Login", next.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_changed_role_takes_effect_on_the_next_request()
    {
        await app.CreateUserAsync("changing.role@test.shelter", Roles.Staff);
        var worker = await app.SignedInClientAsync("changing.role@test.shelter");
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/stays/check-in")).StatusCode);
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var id = await app.UserIdAsync("changing.role@test.shelter");

        await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}",
            [new("DisplayName", "Now social work"), new("Roles", "SocialWorker")]);

        // The old session ends at once (its security stamp is stale); signed in again, she has the new role only.
        var next = await worker.GetAsync("/stays/check-in");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/Account/Login", next.Headers.Location!.ToString());
        var again = await app.SignedInClientAsync("changing.role@test.shelter");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/stays/check-in")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/children")).StatusCode);
    }
}

/// <summary>Each on its own app: these move the clock.</summary>
public class SessionLimitTests
{
    [Fact]
    public async Task Thirty_minutes_without_activity_signs_her_out()
    {
        using var app = new ShelterFactory();
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);

        app.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/beds")).StatusCode);
    }

    [Fact]
    public async Task Twelve_hours_after_sign_in_the_session_ends_even_if_she_was_active_all_along()
    {
        using var app = new ShelterFactory();
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);
        for (var i = 0; i < 24; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(29)); // always within the 30-minute window
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/beds")).StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(29)); // 12 h 5 min since sign-in
        var after = await staff.GetAsync("/beds");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_rate_limited()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: true,
            new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.SignInAsync("nobody@demo.shelter", "wrong password here")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests,
            HttpStatusCode.TooManyRequests], statuses);
    }
}

public class ErrorPageTests
{
    private sealed class ThrowingApp : ShelterFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, Boom>());
        }
    }

    private sealed class Boom : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/boom",
                b => b.Run(_ => throw new InvalidOperationException("Secret detail: Canary-Stacktrace at Shelter.Core.Secret")));
        };
    }

    [Fact]
    public async Task A_form_the_server_cannot_read_is_a_bad_request_not_a_server_error()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: true);
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);
        var bed = await app.WithDbAsync(db => db.Beds.Select(b => b.Id).FirstAsync());

        // A null character, as a scanner sends it (wapiti found 186 of these answered with 500).
        var response = await staff.PostFormAsync("/beds", $"/beds/{bed}/hold", [new("ComingThrough", "Police"), new("Hours", "/e\0")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Request id", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_error_outside_development_shows_a_plain_page_with_a_request_id_and_no_stack_trace()
    {
        using var app = new ThrowingApp();
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);

        var response = await staff.GetAsync("/boom");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Request id", html);
        Assert.DoesNotContain("Canary-Stacktrace", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain(" at Shelter.", html);
    }
}

public class CanaryTests
{
    private const string Name = "Canaryna Vasylivna";
    private const string ChildName = "Canarchyk";
    private const string Medicine = "Canarydone-77";
    private const string Address = "Canary Street 7, flat 3";

    private sealed class LoggedApp(LogCapture logs) : ShelterFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }
    }

    [Fact]
    public async Task Names_medication_and_a_confidential_address_never_reach_logs_job_arguments_emails_or_urls()
    {
        var logs = new LogCapture();
        using var app = new LoggedApp(logs);
        var urls = new List<string>();
        var manager = await app.SignedInClientAsync(DemoAccounts.Manager);
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);
        var caseManager = await app.SignedInClientAsync(DemoAccounts.CaseManager);

        // A confidential site, an intake of a woman with a child, her medication, a move and a check-out.
        var site = await manager.PostFormAsync("/sites/new", "/sites/new",
            [new("Name", "Canary Safe Flat"), new("IsAddressConfidential", "true"), new("Address", Address), new("MaxStayDays", "90"),
            new("MaxSafeRoomStayHours", "72"), new("TimeZoneId", "Europe/Kyiv")]);
        urls.Add(site.Headers.Location!.ToString());
        await manager.PostFormAsync(site.Headers.Location!.ToString(), site.Headers.Location + "/rooms",
            [new("Name", "Canary room"), new("Kind", "Family"), new("Beds", "3")]);
        var intake = await staff.PostFormAsync("/intake/new", "/intake/new",
            [new("Route", "Police"), new("Alias", Name), new("LegalName", Name + " Legal"), new("ChildAges", "8"),
            new("TakesOst", "Yes"), new("HasEnoughMedication", "No"), new("MissingDocuments", "Passport"),
            new("ConsentToKeepData", "true")]);
        urls.Add(intake.Headers.Location!.ToString());
        var residentId = await app.WithDbAsync(db => db.Residents.Where(r => r.Alias == Name).Select(r => r.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            foreach (var c in db.Children.Where(c =>
            c.ResidentId == residentId)) c.Alias = ChildName; return await db.SaveChangesAsync();
        });
        var programme = await caseManager.PostFormAsync($"/medication/residents/{residentId}", $"/medication/residents/{residentId}",
            [new("Kind", "Ost"), new("Medicine", Medicine), new("Dose", "60 mg"), new("Schedule", "TakeHome")]);
        urls.Add(programme.Headers.Location!.ToString());
        foreach (var page in new[] { $"/residents/{residentId}", "/beds", "/residents?q=Canaryna", "/medication",
            $"/medication/residents/{residentId}" })
        {
            var client = page.StartsWith("/medication", StringComparison.Ordinal) ? caseManager : staff;
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        }
        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<Shelter.Web.Features.Medication.ContinuitySweep>()
            .SweepAsync(); return 0;
        });
        var stayId = await app.WithDbAsync(db =>
            db.Stays.Where(s => s.ResidentId == residentId && s.ChildId == null && s.EndedAt == null).Select(s => s.Id).SingleAsync());
        var checkout = await staff.PostFormAsync($"/stays/{stayId}/check-out", $"/stays/{stayId}/check-out",
            [new("Reason", "HerChoice"), new("Destination", "FamilyOrFriends")]);
        urls.Add(checkout.Headers.Location!.ToString());
        await app.DeliverOutboxAsync(); // what the check-out queued (notices, her continuity check) has run

        string[] canaries = [Name, ChildName, Medicine, Address, "Canaryna"];
        var logText = string.Join("\n", logs.Lines);
        Assert.NotEmpty(logs.Lines);
        foreach (var canary in canaries) Assert.DoesNotContain(canary, logText);

        var storage = app.Services.GetRequiredService<JobStorage>();
        var monitor = storage.GetMonitoringApi();
        var jobArgs = monitor.SucceededJobs(0, 500).Select(j => j.Value.Job)
            .Concat(monitor.EnqueuedJobs("default", 0, 500).Select(j => j.Value.Job))
            .Concat(monitor.ScheduledJobs(0, 500).Select(j => j.Value.Job))
            .Where(j => j is not null).SelectMany(j => j!.Args.Select(a => a?.ToString() ?? "")).ToList();
        Assert.NotEmpty(monitor.SucceededJobs(0, 500));
        foreach (var canary in canaries) Assert.DoesNotContain(jobArgs, a => a.Contains(canary));

        var mailFolder = Path.Combine(app.DataFolder, "mail-pickup");
        var mails = Directory.Exists(mailFolder) ? Directory.GetFiles(mailFolder).Select(File.ReadAllText).ToList() : [];
        foreach (var canary in canaries) Assert.DoesNotContain(mails, m => m.Contains(canary));

        Assert.All(urls, u => Assert.DoesNotContain("Canary", u, StringComparison.OrdinalIgnoreCase));
    }
}

public class PurgeTests
{
    [Fact]
    public async Task Three_years_after_exit_her_personal_data_is_removed_and_gone_from_the_file_but_her_stay_still_counts()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false);
        var site = await app.AddSiteAsync("Old House", false, ("Shared", RoomKind.Shared, 2));
        const string canary = "Purgeable Canaryname";
        await app.WithDbAsync(async db =>
        {
            var old = new Core.Residents.Resident
            {
                Alias = canary, LegalName = canary + " Legal",
                RegisteredAt = DateTime.UtcNow.AddYears(-5), ConsentToKeepData = true, Languages = "Canarian"
            };
            db.Residents.Add(old);
            db.Stays.Add(new Core.Stays.Stay
            {
                Resident = old, BedId = site.BedIds("Shared").First(),
                AdmittedAt = DateTime.UtcNow.AddYears(-5), StartedAt = DateTime.UtcNow.AddYears(-5),
                PlannedEndAt = DateTime.UtcNow.AddYears(-5).AddDays(90), EndedAt = DateTime.UtcNow.AddYears(-4),
                ExitReason = Core.Stays.ExitReason.PlannedEnd, ExitDestination = Core.Stays.ExitDestination.OwnHousing,
                Conditions = canary + " conditions"
            });
            var recent = new Core.Residents.Resident
            {
                Alias = "Recent Woman", RegisteredAt = DateTime.UtcNow.AddYears(-1),
                ConsentToKeepData = true
            };
            db.Residents.Add(recent);
            db.Stays.Add(new Core.Stays.Stay
            {
                Resident = recent, BedId = site.BedIds("Shared").Last(),
                AdmittedAt = DateTime.UtcNow.AddYears(-1), StartedAt = DateTime.UtcNow.AddYears(-1), PlannedEndAt = DateTime.UtcNow,
                EndedAt = DateTime.UtcNow.AddMonths(-6), ExitReason = Core.Stays.ExitReason.PlannedEnd
            });
            return await db.SaveChangesAsync();
        });

        var purged = await app.WithServicesAsync(sp => sp.GetRequiredService<PurgeJob>().PurgeAsync());

        Assert.Equal(1, purged);
        Assert.Equal(2, await app.WithDbAsync(db => db.Stays.CountAsync()));
        Assert.True(await app.WithDbAsync(db => db.Residents.AnyAsync(r => r.Alias == "Recent Woman")));
        Assert.True(await app.WithDbAsync(db => db.Residents.AnyAsync(r => r.Alias == PurgeJob.PurgedAlias && r.LegalName == null)));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(app.DataFolder, "shelter.db*"))
            Assert.Equal(-1, (await File.ReadAllBytesAsync(file)).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("Canaryname")));
    }
}
