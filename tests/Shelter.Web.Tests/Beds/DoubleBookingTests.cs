using System.Net;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Sites;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Beds;

/// <summary>
/// The promise the bed board rests on: however many staff press "Check in" at once, no bed
/// ever holds two women. Real Kestrel, real HTTP, a real SQLite file (and a real PostgreSQL database in
/// <see cref="Postgres.PostgresDoubleBookingTests"/>).
/// </summary>
public class DoubleBookingTests : IAsyncLifetime
{
    private ShelterFactory _app = null!;

    /// <summary>The app on SQLite here; the PostgreSQL twin of this class gives it a database on the test cluster.</summary>
    protected virtual Task<IDictionary<string, string?>> SettingsAsync(IDictionary<string, string?> settings) => Task.FromResult(settings);

    public async Task InitializeAsync()
    {
        // Plain HTTP to Kestrel: the .NET cookie container will not send Secure cookies over it.
        _app = new(ShelterFactory.NewDataFolder(), demo: false,
            await SettingsAsync(new Dictionary<string, string?> { ["Security:AllowInsecureCookies"] = "true" }));
        _app.UseKestrel(0);
        _app.StartServer();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<HttpClient> StaffClientAsync(string email)
    {
        await _app.CreateUserAsync(email, Roles.Staff);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = _app.ServerAddress,
        };
        var signedIn = await client.SignInAsync(email, ShelterFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    [Fact]
    public async Task Double_booking_is_impossible_when_120_check_ins_race_for_10_free_beds()
    {
        var site = await _app.AddSiteAsync("Test House", confidential: false, ("Dorm", RoomKind.Shared, 10));
        var beds = site.BedIds("Dorm").ToList();
        // Two staff members on the same night shift, each with her own session.
        var staff = new[] { await StaffClientAsync("night1@test.shelter"), await StaffClientAsync("night2@test.shelter") };
        var tokens = new List<string>();
        foreach (var client in staff)
            tokens.Add(HttpClientForms.AntiforgeryToken(await client.GetStringAsync("/stays/check-in")));

        var requests = Enumerable.Range(0, 120).Select(async i =>
        {
            var who = i % 2;
            var response = await staff[who].PostAsync("/stays/check-in", new FormUrlEncodedContent(
            [
                new("Alias", $"Woman {i}"),
                new("BedId", beds[i % beds.Count].ToString()),
                new("OverrideReason", "Staff chose this bed"),
                new("intent", "checkin"),
                new("__RequestVerificationToken", tokens[who]),
                new(HttpClientForms.SubmissionKeyField, HttpClientForms.NewSubmissionKey()),
            ]));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        });
        var results = await Task.WhenAll(requests);

        Assert.DoesNotContain(results, r => (int)r.StatusCode >= 500);
        Assert.Equal(10, results.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var refused = results.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.Equal(110, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains("That bed is no longer free.", r.Body);
            Assert.Contains("data-testid=\"suggestion\"", r.Body); // the next suggestion (here: nothing free, offer a partner)
        });

        var (active, distinctBeds, residents) = await _app.WithDbAsync(async db => (
            await db.Stays.CountAsync(s => s.EndedAt == null),
            await db.Stays.Where(s => s.EndedAt == null).Select(s => s.BedId).Distinct().CountAsync(),
            await db.Residents.CountAsync()));
        Assert.Equal(10, active);
        Assert.Equal(10, distinctBeds);
        Assert.Equal(10, residents); // a refused check-in leaves no half-made record behind
    }
}
