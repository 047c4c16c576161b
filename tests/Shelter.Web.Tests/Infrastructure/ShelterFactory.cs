using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Core.Data;

namespace Shelter.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a real SQLite file in a data folder of its own. Two factories
/// given the same folder share the database, as two starts of the app would.
/// </summary>
public class ShelterFactory : WebApplicationFactory<Program>
{
    // Every host would otherwise watch appsettings.json and wwwroot (asp-append-version) with one
    // inotify instance each, and the suite keeps more hosts alive at once than Linux's default
    // per-user limit of 128 allows: no reload of settings, and file changes polled, not watched.
    static ShelterFactory()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public const string DemoPassword = "Shelter-demo-2026";

    public ShelterFactory() : this(NewDataFolder(), demo: true) { }

    internal ShelterFactory(string dataFolder, bool demo = true, IDictionary<string, string?>? settings = null)
    {
        DataFolder = dataFolder;
        Demo = demo;
        Settings = settings ?? new Dictionary<string, string?>();
    }

    public string DataFolder { get; }
    public bool Demo { get; }
    public IDictionary<string, string?> Settings { get; }
    public bool DeleteDataOnDispose { get; set; } = true;
    public TestClock Clock { get; } = new();
    /// <summary>Another clock for the app (a FakeTimeProvider that stands still); the TestClock otherwise.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>The key ring of a data folder, apart from it (the app's default for an unset SHELTER_KEYS).</summary>
    public string KeysFolder => DataFolder.TrimEnd('/') + "-keys";

    /// <summary>One key-ring certificate for the whole test run (the KeyRing tests make their own).</summary>
    internal static readonly Lazy<(string Path, string Password)> TestCertificate = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "shelter-tests", "certificate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "key-ring.pfx");
        var password = Guid.NewGuid().ToString("N");
        KeyRingCertificate.Write(path, password);
        return (path, password);
    });

    public static string NewDataFolder() =>
        Path.Combine(Path.GetTempPath(), "shelter-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("SHELTER_DATA", DataFolder);
        builder.UseSetting("SHELTER_DEMO", Demo ? "1" : "0");
        builder.UseSetting("RateLimits:SignInPerMinute", "1000");
        // The key ring encrypted at rest, as ./run.sh and docs/deploy.md set it up.
        builder.UseSetting("Keys:Certificate", TestCertificate.Value.Path);
        builder.UseSetting("Keys:CertificatePassword", TestCertificate.Value.Password);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time ?? Clock));
    }

    /// <summary>
    /// An account with one role, for tests that run without the demo data. Without <paramref name="sites"/>
    /// she works at every site, including those <see cref="TestNetwork.AddSiteAsync"/> adds later;
    /// the site-scope tests name her sites instead.
    /// </summary>
    public async Task CreateUserAsync(string email, string role, string password = DemoPassword, IEnumerable<int>? sites = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShelterUser>>();
        var user = new ShelterUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        if (role is Roles.Manager or Roles.Admin)
        {
            // Their roles require a second factor; tests answer it through AuthenticatorCodeAsync.
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        var db = scope.ServiceProvider.GetRequiredService<ShelterDbContext>();
        if (sites is null) WorksEverywhere.Add(user.Id);
        var siteIds = sites?.ToList() ?? await db.Sites.Select(s => s.Id).ToListAsync();
        db.StaffSites.AddRange(siteIds.Select(id => new StaffSite { UserId = user.Id, SiteId = id }));
        await db.SaveChangesAsync();
    }

    /// <summary>Accounts created without named sites: every new test site is theirs too.</summary>
    public List<string> WorksEverywhere { get; } = [];

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>The address of the real Kestrel server after <c>UseKestrel(0)</c> and <c>StartServer()</c>.</summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        // On Kestrel (the browser tests' host) the in-memory https://localhost is not served: ask the server's own
        // address. That client follows redirects whatever is asked here.
        BaseAddress = Services.GetRequiredService<IServer>() is TestServer ? new Uri("https://localhost") : ServerAddress,
    });

    /// <summary>A client that has signed in through the real login form, and the code form when her account has two-factor on.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string? password = null)
    {
        var client = NewClient();
        var response = await client.SignInAsync(email, password ?? DemoPassword);
        if (Landing(response).StartsWith("/Account/LoginWith2fa", StringComparison.Ordinal))
            response = await client.PostFormAsync(Landing(response), "/Account/LoginWith2fa",
                [new("Code", await AuthenticatorCodeAsync(email))]);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.OK)
            || Landing(response).StartsWith("/Account/", StringComparison.Ordinal))
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {Landing(response)}");
        return client;
    }

    /// <summary>
    /// Where a response sends her: its redirect, or, when the client followed it (a Kestrel host's client
    /// always does), the page it ended on.
    /// </summary>
    private static string Landing(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.Redirect
        ? response.Headers.Location?.OriginalString ?? ""
        : response.RequestMessage?.RequestUri?.PathAndQuery ?? "";

    /// <summary>
    /// Her authenticator app's code right now. Tests sign in as the same manager many times within
    /// one 30-second step, so by default this forgets the step last used; the replay guard itself is
    /// proven by TwoFactorTests, which pass <paramref name="forgetLastUse"/> false.
    /// </summary>
    public async Task<string> AuthenticatorCodeAsync(string email, bool forgetLastUse = true)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShelterUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
        if (forgetLastUse && user.LastAuthenticatorStep is not null)
        {
            user.LastAuthenticatorStep = null;
            await users.UpdateAsync(user);
        }
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator key");
        return new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(Clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>An account's id by its email, for tests that act on a user they created.</summary>
    public Task<string> UserIdAsync(string email) =>
        WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Waits until the views pages have queued for the audit trail are written (they are saved in batches, after the
    /// response).</summary>
    public Task ViewsAuditedAsync() => Services.GetRequiredService<Shelter.Web.Infrastructure.Audit.ViewsToAudit>().FlushAsync();

    /// <summary>Reads the database as it stands once every view queued so far is in the audit trail.</summary>
    public async Task<T> WithDbAsync<T>(Func<ShelterDbContext, Task<T>> work)
    {
        await ViewsAuditedAsync();
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ShelterDbContext>());
    }

    /// <summary>
    /// Delivers what the outbox holds now (emails, continuity checks, waiting-list notices), as the
    /// outbox job would, and waits until nothing due is left undelivered: a Hangfire worker may have
    /// claimed a message first, so wait for it rather than race it.
    /// </summary>
    public async Task DeliverOutboxAsync()
    {
        for (var waited = 0; ; waited += 100)
        {
            await WithServicesAsync(async sp =>
            {
                await sp.GetRequiredService<Shelter.Web.Infrastructure.Integrity.OutboxDelivery>()
                .DeliverDueAsync(); return 0;
            });
            var now = Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            if (!await WithDbAsync(db => db.Outbox.AnyAsync(m => m.DoneAt == null && m.NextAttemptAt <= now)) || waited >= 30_000) return;
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The emails in the pickup folder, once at least <paramref name="atLeast"/> are there: a Hangfire
    /// worker may still be writing one that a request enqueued, so wait for it rather than race it.
    /// </summary>
    public async Task<List<string>> PickedUpMailsAsync(int atLeast)
    {
        var folder = Path.Combine(DataFolder, "mail-pickup");
        for (var waited = 0; ; waited += 100)
        {
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [];
            if (files.Length >= atLeast || waited >= 30_000)
            {
                // A file the writer still holds open (the share lock on .NET) is read on the next round.
                try { return files.Select(File.ReadAllText).ToList(); }
                catch (IOException) when (waited < 30_000) { }
            }
            await Task.Delay(100);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && DeleteDataOnDispose)
        {
            SqliteConnection.ClearAllPools();
            foreach (var folder in new[] { DataFolder, KeysFolder })
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

public static partial class HttpClientForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        if (!match.Success) throw new InvalidOperationException("No antiforgery token on the page.");
        return match.Groups[1].Value;
    }

    /// <summary>
    /// GETs the page that holds the form, then POSTs the fields with its antiforgery token and a fresh
    /// one-time submission key, as a browser sends a form it has just loaded (unless the fields carry
    /// a key of their own, to send the same form twice).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(formPage);
        var all = fields.Append(new("__RequestVerificationToken", AntiforgeryToken(page))).ToList();
        if (all.All(f => f.Key != SubmissionKeyField)) all.Add(new(SubmissionKeyField, NewSubmissionKey()));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public const string SubmissionKeyField = "__SubmissionKey";

    public static string NewSubmissionKey() => Guid.NewGuid().ToString("N");

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", "/Account/Login", [new("Email", email), new("Password", password)]);
}
