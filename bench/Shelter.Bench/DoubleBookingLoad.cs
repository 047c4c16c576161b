using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Core.Data;
using Shelter.Core.Sites;

namespace Shelter.Bench;

/// <summary>
/// What the write guards cost: rounds of 120 concurrent check-ins from two staff sessions at the
/// 10 beds of a new site (the double-booking test's load), through the whole pipeline in-process.
///   ./run.sh bench double-booking [ROUNDS] [NODES]
/// With two nodes the sessions are on two app hosts over one database (PostgreSQL with
/// SHELTER_DB=postgres): what a network's web nodes do when they race for the same beds.
/// </summary>
public static class DoubleBookingLoad
{
    public static async Task<int> RunAsync(int rounds, int nodes)
    {
        var data = Path.Combine(Path.GetTempPath(), "shelter-bench-double-booking-" + Guid.NewGuid().ToString("N"));
        await using var app = new BenchApp(data);
        // A second host over the same database (the SQLite file, or the PostgreSQL server) and key ring.
        await using var other = nodes > 1 ? new BenchApp(data) : null;
        await AddStaffAsync(app);
        var staff = new[] { await SignedInAsync(app, "a@bench.shelter"), await SignedInAsync(other ?? app, "b@bench.shelter") };
        var latencies = new List<double>();
        var walls = new List<double>();
        int ok = 0, conflict = 0, failed = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var beds = await NewSiteAsync(app, round);
            var tokens = new List<string>();
            foreach (var client in staff) tokens.Add(Token(await client.GetStringAsync("/stays/check-in")));
            var wall = Stopwatch.StartNew();
            var results = await CheckInAllAtOnceAsync(staff, tokens, beds, round);
            if (round == 0) continue; // warm-up
            walls.Add(wall.Elapsed.TotalMilliseconds);
            foreach (var (status, ms) in results)
            {
                latencies.Add(ms);
                if (status == HttpStatusCode.Redirect) ok++;
                else if (status == HttpStatusCode.Conflict) conflict++;
                else failed++;
            }
        }
        latencies.Sort();
        walls.Sort();
        double P(List<double> xs, double q) => xs[(int)Math.Min(xs.Count - 1, Math.Ceiling(q * xs.Count) - 1)];
        var where = $"{Environment.GetEnvironmentVariable("Database__Provider") ?? "Sqlite"}, {nodes} node{(nodes > 1 ? "s" : "")}";
        Console.WriteLine($"| 120 concurrent check-ins at 10 beds, {rounds} rounds, {where} "
            + $"| checked in {ok}, told the bed is taken {conflict}, other {failed} | "
            + $"round wall p50 {P(walls, 0.5):0} ms "
            + $"| request p50 {P(latencies, 0.5):0.0} ms, p95 {P(latencies, 0.95):0.0} ms, max {latencies[^1]:0.0} ms |");
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        return failed == 0 && ok == rounds * 10 ? 0 : 1;
    }

    /// <summary>The two staff accounts whose sessions race.</summary>
    private static async Task AddStaffAsync(BenchApp app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShelterUser>>();
        foreach (var email in new[] { "a@bench.shelter", "b@bench.shelter" })
        {
            var user = new ShelterUser { UserName = email, Email = email, DisplayName = email };
            await users.CreateAsync(user, "bench-password-long");
            await users.AddToRoleAsync(user, Roles.Staff);
        }
    }

    /// <summary>A new site with one shared room of 10 beds for each round, so every round starts with all beds free.</summary>
    private static async Task<List<int>> NewSiteAsync(BenchApp app, int round)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShelterDbContext>();
        var site = new Site
        {
            Name = $"Load {round}", TimeZoneId = "Europe/Kyiv",
            Rooms = [new Room { Name = "Shared", Kind = RoomKind.Shared,
                Beds = Enumerable.Range(1, 10).Select(n => new Bed { Label = $"S-{n}" }).ToList() }],
        };
        db.Sites.Add(site);
        await db.SaveChangesAsync();
        return site.Rooms[0].Beds.Select(b => b.Id).ToList();
    }

    /// <summary>120 check-ins at once, alternating between the two sessions, 12 for each bed: each answer and how long it took.</summary>
    private static Task<(HttpStatusCode StatusCode, double TotalMilliseconds)[]> CheckInAllAtOnceAsync(HttpClient[] staff,
        List<string> tokens, List<int> beds, int round) =>
        Task.WhenAll(Enumerable.Range(0, 120).Select(i => Task.Run(async () =>
        {
            var watch = Stopwatch.StartNew();
            var response = await staff[i % 2].PostAsync("/stays/check-in", new FormUrlEncodedContent(
            [
                new("Alias", $"Woman {round}-{i}"), new("BedId", beds[i % beds.Count].ToString()), new("OverrideReason", "load"),
                new("intent", "checkin"), new("__RequestVerificationToken", tokens[i % 2]),
                    new("__SubmissionKey", Guid.NewGuid().ToString("N")),
            ]));
            return (response.StatusCode, watch.Elapsed.TotalMilliseconds);
        })));

    /// <summary>Whether a refusal's timing tells which emails have accounts: an unknown email against a wrong password.</summary>
    public static async Task<int> SignInTimingAsync(int runs)
    {
        var data = Path.Combine(Path.GetTempPath(), "shelter-bench-sign-in-" + Guid.NewGuid().ToString("N"));
        await using var app = new BenchApp(data);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShelterUser>>();
            var user = new ShelterUser { UserName = "known@bench.shelter", Email = "known@bench.shelter", DisplayName = "Known" };
            await users.CreateAsync(user, "bench-password-long");
            await users.AddToRoleAsync(user, Roles.Staff);
        }
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost")
        });
        var token = Token(await client.GetStringAsync("/Account/Login"));
        async Task<double> Attempt(string email)
        {
            var watch = Stopwatch.StartNew();
            await client.PostAsync("/Account/Login",
                new FormUrlEncodedContent([new("Email", email), new("Password", "wrong-password-here"),
                new("__RequestVerificationToken", token)]));
            return watch.Elapsed.TotalMilliseconds;
        }
        var unknown = new List<double>();
        var known = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            unknown.Add(await Attempt($"nobody{i}@bench.shelter"));
            // Four wrong passwords and a fifth would lock her: the known account changes every four tries.
            if (i % 4 == 0 && i > 0)
                using (var scope = app.Services.CreateScope())
                {
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<ShelterUser>>();
                    await users.ResetAccessFailedCountAsync((await users.FindByEmailAsync("known@bench.shelter"))!);
                }
            known.Add(await Attempt("known@bench.shelter"));
        }
        unknown.Sort();
        known.Sort();
        Console.WriteLine($"| sign-in refused, {runs} tries each | unknown email p50 {unknown[runs / 2]:0.0} ms "
            + $"| known email, wrong password p50 {known[runs / 2]:0.0} ms |");
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        return 0;
    }

    private static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private static async Task<HttpClient> SignedInAsync(BenchApp app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost")
        });
        var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(
            [new("Email", email), new("Password", "bench-password-long"),
                new("__RequestVerificationToken", Token(await client.GetStringAsync("/Account/Login")))]));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"bench sign-in as {email} failed");
        return client;
    }
}
