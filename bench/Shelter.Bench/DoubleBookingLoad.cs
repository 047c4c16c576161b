using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Core.Data;
using Shelter.Core.Sites;

namespace Shelter.Bench;

/// <summary>
/// What the write guards cost: rounds of 120 concurrent check-ins from two staff sessions at the
/// 10 beds of a new site (the double-booking test's load), through the whole pipeline in-process.
///   ./run.sh bench double-booking
/// </summary>
public static class DoubleBookingLoad
{
    public static async Task<int> RunAsync(int rounds)
    {
        var data = Path.Combine(Path.GetTempPath(), "shelter-bench-double-booking-" + Guid.NewGuid().ToString("N"));
        await using var app = new BenchApp(data);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShelterUser>>();
            foreach (var email in new[] { "a@bench.shelter", "b@bench.shelter" })
            {
                var user = new ShelterUser { UserName = email, Email = email, DisplayName = email };
                await users.CreateAsync(user, "bench-password-long");
                await users.AddToRoleAsync(user, Roles.Staff);
            }
        }
        var staff = new[] { await SignedInAsync(app, "a@bench.shelter"), await SignedInAsync(app, "b@bench.shelter") };
        var latencies = new List<double>();
        var walls = new List<double>();
        int ok = 0, conflict = 0, failed = 0;
        for (var round = 0; round <= rounds; round++)
        {
            List<int> beds;
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ShelterDbContext>();
                var site = new Site
                {
                    Name = $"Load {round}", TimeZoneId = "Europe/Kyiv",
                    Rooms = [new Room { Name = "Shared", Kind = RoomKind.Shared, Beds = Enumerable.Range(1, 10).Select(n => new Bed { Label = $"S-{n}" }).ToList() }],
                };
                db.Sites.Add(site);
                await db.SaveChangesAsync();
                beds = site.Rooms[0].Beds.Select(b => b.Id).ToList();
            }
            var tokens = new List<string>();
            foreach (var client in staff) tokens.Add(Token(await client.GetStringAsync("/stays/check-in")));
            var wall = Stopwatch.StartNew();
            var results = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Task.Run(async () =>
            {
                var watch = Stopwatch.StartNew();
                var response = await staff[i % 2].PostAsync("/stays/check-in", new FormUrlEncodedContent(
                [
                    new("Alias", $"Woman {round}-{i}"), new("BedId", beds[i % beds.Count].ToString()), new("OverrideReason", "load"),
                    new("intent", "checkin"), new("__RequestVerificationToken", tokens[i % 2]), new("__SubmissionKey", Guid.NewGuid().ToString("N")),
                ]));
                return (response.StatusCode, watch.Elapsed.TotalMilliseconds);
            })));
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
        Console.WriteLine($"| 120 concurrent check-ins at 10 beds, {rounds} rounds | checked in {ok}, told the bed is taken {conflict}, other {failed} | " +
            $"round wall p50 {P(walls, 0.5):0} ms | request p50 {P(latencies, 0.5):0.0} ms, p95 {P(latencies, 0.95):0.0} ms, max {latencies[^1]:0.0} ms |");
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        return failed == 0 && ok == rounds * 10 ? 0 : 1;
    }

    private static string Token(string html) => Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private static async Task<HttpClient> SignedInAsync(BenchApp app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(
            [new("Email", email), new("Password", "bench-password-long"), new("__RequestVerificationToken", Token(await client.GetStringAsync("/Account/Login")))]));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"bench sign-in as {email} failed");
        return client;
    }
}
