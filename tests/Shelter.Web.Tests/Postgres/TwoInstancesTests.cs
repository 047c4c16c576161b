using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shelter.Core.Accounts;
using Shelter.Core.Sites;
using Shelter.Web.Infrastructure.Integrity;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Postgres;

/// <summary>
/// A network's set-up: two app hosts (node A and node B, real Kestrel on ports of their own) over one
/// PostgreSQL database, sharing the key ring and Hangfire's storage through it. Each test has its own database.
/// </summary>
public class TwoInstancesTests : IAsyncLifetime
{
    private readonly List<ShelterFactory> _nodes = [];
    private string _connectionString = "";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var node in _nodes) node.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Node A starts first (it migrates and makes the first key), then node B on the same database.</summary>
    private async Task<(ShelterFactory A, ShelterFactory B)> StartTwoNodesAsync(bool demo)
    {
        var settings = await PostgresCluster.SettingsAsync(new Dictionary<string, string?> { ["Security:AllowInsecureCookies"] = "true" });
        _connectionString = settings["ConnectionStrings:Shelter"]!;
        ShelterFactory Start(string name)
        {
            // Each node its own connection pool, as two machines have (in one test process they would share one).
            var own = new Dictionary<string,
                string?>(settings)
            { ["ConnectionStrings:Shelter"] = $"{_connectionString};Application Name={name};Maximum Pool Size=150" };
            var node = new ShelterFactory(ShelterFactory.NewDataFolder(), demo, own);
            _nodes.Add(node);
            node.UseKestrel(0);
            node.StartServer();
            return node;
        }
        var a = Start("node-a");
        return (a, Start("node-b"));
    }

    private static HttpClient ClientOf(ShelterFactory node, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = node.ServerAddress,
            Timeout = TimeSpan.FromMinutes(5), // 200 allocations queue on the bed lock; on a loaded 2-core machine the last waits long
        };

    private static async Task<HttpClient> SignedInAtAsync(ShelterFactory node, string email)
    {
        var client = ClientOf(node, new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, ShelterFactory.DemoPassword)).StatusCode);
        return client;
    }

    [Fact]
    public async Task TwoInstances_200_check_ins_at_both_nodes_for_50_free_beds_end_with_exactly_50_stays_and_no_server_error()
    {
        var (a, b) = await StartTwoNodesAsync(demo: false);
        var site = await a.AddSiteAsync("Network House", confidential: false,
            ("Dorm 1", RoomKind.Shared, 10), ("Dorm 2", RoomKind.Shared, 10), ("Dorm 3", RoomKind.Shared, 10),
                ("Dorm 4", RoomKind.Shared, 10), ("Dorm 5", RoomKind.Shared, 10));
        var beds = Enumerable.Range(1, 5).SelectMany(n => site.BedIds($"Dorm {n}")).ToList();
        await a.CreateUserAsync("night-a@test.shelter", Roles.Staff);
        await a.CreateUserAsync("night-b@test.shelter", Roles.Staff);
        // One night worker at each node, each with her own session there.
        var staff = new[] { ClientOf(a, new CookieContainer()), ClientOf(b, new CookieContainer()) };
        Assert.Equal(HttpStatusCode.Redirect, (await staff[0].SignInAsync("night-a@test.shelter", ShelterFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff[1].SignInAsync("night-b@test.shelter", ShelterFactory.DemoPassword)).StatusCode);
        var tokens = new List<string>();
        foreach (var client in staff) tokens.Add(HttpClientForms.AntiforgeryToken(await client.GetStringAsync("/stays/check-in")));

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var node = i % 2;
            var response = await staff[node].PostAsync("/stays/check-in", new FormUrlEncodedContent(
            [
                new("Alias", $"Woman {i}"),
                new("BedId", beds[i % beds.Count].ToString()),
                new("OverrideReason", "Staff chose this bed"),
                new("intent", "checkin"),
                new("__RequestVerificationToken", tokens[node]),
                new(HttpClientForms.SubmissionKeyField, HttpClientForms.NewSubmissionKey()),
            ]));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.DoesNotContain(results, r => (int)r.StatusCode >= 500);
        Assert.Equal(50, results.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.Redirect), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains("That bed is no longer free.", r.Body);
        });
        var (active, distinctBeds) = await b.WithDbAsync(async db => (
            await db.Stays.CountAsync(s => s.EndedAt == null),
            await db.Stays.Where(s => s.EndedAt == null).Select(s => s.BedId).Distinct().CountAsync()));
        Assert.Equal(50, active);
        Assert.Equal(50, distinctBeds);
    }

    [Fact]
    public async Task TwoInstances_a_sign_in_on_node_A_is_honoured_by_node_B_and_signing_out_on_A_ends_it_on_B()
    {
        var (a, b) = await StartTwoNodesAsync(demo: false);
        await a.CreateUserAsync("day@test.shelter", Roles.Staff);
        var cookies = new CookieContainer(); // one browser: the load balancer sends it to either node
        var atA = ClientOf(a, cookies);
        var atB = ClientOf(b, cookies);

        Assert.Equal(HttpStatusCode.Redirect, (await atA.SignInAsync("day@test.shelter", ShelterFactory.DemoPassword)).StatusCode);
        var dashboardAtB = await atB.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboardAtB.StatusCode); // B reads A's cookie: one key ring
        var kept = cookies.GetCookieHeader(b.ServerAddress); // a copy someone kept of the session

        // A form loaded from B and sent to A: B's antiforgery token is good at A too.
        var signOut = await atA.PostAsync("/Account/Logout", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", HttpClientForms.AntiforgeryToken(await dashboardAtB.Content.ReadAsStringAsync()))]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith("/Account/Login", signOut.Headers.Location!.OriginalString);

        using var replay = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false
        })
        { BaseAddress = b.ServerAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", kept);
        var afterSignOut = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/Account/Login", afterSignOut.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task TwoInstances_a_medication_saved_through_node_A_reads_through_node_B()
    {
        const string medicine = "Twonodecillin-4K";
        var (a, b) = await StartTwoNodesAsync(demo: true);
        var residentId = await a.WithDbAsync(db => db.Residents.Where(r => db.Stays.Any(s => s.ResidentId == r.Id && s.EndedAt == null))
            .Select(r => r.Id).FirstAsync());

        var atA = await SignedInAtAsync(a, DemoAccounts.CaseManager);
        var saved = await atA.PostFormAsync($"/medication/residents/{residentId}", $"/medication/residents/{residentId}",
            [new("Kind", "Other"), new("Medicine", medicine), new("Dose", "Two-node dose 5 mg"), new("PickupWindow", "Mornings"),
                new("Schedule", "TakeHome")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var atB = await SignedInAtAsync(b, DemoAccounts.CaseManager);
        var page = await atB.GetStringAsync($"/medication/residents/{residentId}");
        Assert.Contains(medicine, page);
        Assert.Contains("Two-node dose 5 mg", page);
        // …and the column itself holds no plain text.
        var raw = await QueryAsync<string>("""SELECT string_agg("Medicine", '|') FROM "MedicationProgrammes" """);
        Assert.DoesNotContain(medicine, raw);
    }

    [Fact]
    public async Task TwoInstances_a_recurring_job_fires_once_in_its_period_with_both_nodes_serving()
    {
        var (a, b) = await StartTwoNodesAsync(demo: false);
        var servers = b.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Until(() => Task.FromResult(servers.Servers().Count >= 2), "both nodes' Hangfire servers registered");

        // The outbox delivery runs every minute. Wait until it has run in two different minutes with
        // both nodes up (so the first minute is over and both schedulers had it due), then count.
        var runs = $"""
            SELECT count(*) FROM hangfire.job j JOIN hangfire.jobparameter p ON p.jobid = j.id
             WHERE p.name = 'RecurringJobId' AND p.value = '"{OutboxDelivery.JobId}"'
             GROUP BY date_trunc('minute', j.createdat)
            """;
        await Until(async () => await QueryAsync<long?>($"SELECT count(*) FROM ({runs}) m") >= 2,
            "the outbox job's runs in two minutes", TimeSpan.FromSeconds(150));
        Assert.Equal(1L, await QueryAsync<long?>($"SELECT max(count) FROM ({runs}) m"));
        Assert.Equal(2, servers.Servers().Count);
    }

    [Fact]
    public async Task TwoInstances_a_hold_taken_on_node_A_is_released_on_time_by_node_B_while_A_is_stopped()
    {
        var (a, b) = await StartTwoNodesAsync(demo: false);
        var site = await a.AddSiteAsync("Night House", false, ("Single", RoomKind.Single, 1));
        var bedId = site.BedIds("Single").Single();
        await a.CreateUserAsync("staff@test.shelter", Roles.Staff);
        var atA = await SignedInAtAsync(a, "staff@test.shelter");
        Assert.Equal(HttpStatusCode.Redirect,
            (await atA.PostFormAsync("/beds", $"/beds/{bedId}/hold", [new("Hours", "1"), new("ComingThrough", "Police")])).StatusCode);

        a.Dispose(); // node A goes down with the release timer it scheduled
        _nodes.Remove(a);

        // An hour passes: node B's clock, and every due time in Hangfire's shared schedule, move on by it.
        b.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await ExecuteAsync("UPDATE hangfire.set SET score = score - 3660 WHERE key = 'schedule'");

        await Until(() => b.WithDbAsync(db => db.BedHolds.AnyAsync(h => h.ReleasedAt != null)), "node B released the hold",
            TimeSpan.FromSeconds(60));
        var hold = await b.WithDbAsync(db => db.BedHolds.SingleAsync());
        Assert.Equal(HoldRelease.Expired, hold.Release);
    }

    private async Task<T?> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Until(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited in vain for {what}.");
            await Task.Delay(200);
        }
    }
}
