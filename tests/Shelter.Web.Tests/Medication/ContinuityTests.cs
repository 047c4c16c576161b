using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.FollowUps;
using Shelter.Core.Medication;
using Shelter.Web.Care;
using Shelter.Web.Features.Medication;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Medication;

/// <summary>Each test on a demo house of its own: the sweep and closures change follow-ups.</summary>
public class ContinuityTests : IDisposable
{
    private readonly ShelterFactory _app = new();

    public void Dispose() => _app.Dispose();

    private Task RunSweepAsync() =>
        _app.WithServicesAsync(async sp => { await sp.GetRequiredService<ContinuitySweep>().SweepAsync(); return 0; });

    private Task<int> OpenContinuityFollowUpsAsync() =>
        _app.WithDbAsync(db =>
            db.FollowUps.CountAsync(f => f.Kind == FollowUpKind.MedicationContinuity && f.Status == FollowUpStatus.Open));

    [Fact]
    public async Task The_sweep_run_twice_on_the_same_day_opens_each_follow_up_once_and_sends_one_digest()
    {
        var expected = await _app.WithServicesAsync(async sp => (await sp.GetRequiredService<Continuity>().LoadAsync())
            .Count(s => s.Held && s.Result.NeedsAttention));
        Assert.True(expected >= 3, "the demo house has residents at risk and one broken");

        await RunSweepAsync();
        await RunSweepAsync();
        await _app.DeliverOutboxAsync(); // the digest is an outbox email, sent after the sweep's commit

        Assert.Equal(expected, await OpenContinuityFollowUpsAsync());
        var digests = Directory.GetFiles(Path.Combine(_app.DataFolder, "mail-pickup"), "*.eml").Select(File.ReadAllText)
            .Where(m => m.Contains("Medication continuity")).ToList();
        var digest = Assert.Single(digests);
        Assert.Contains("/medication", digest);
        var names = await _app.WithDbAsync(db => db.Residents.Select(r => r.Alias).ToListAsync());
        Assert.All(names, n => Assert.DoesNotContain(n, digest));
        foreach (var medicine in new[] { "Methadone", "Buprenorphine", "Dolutegravir", "Efavirenz", "OST", "ART" })
            Assert.DoesNotContain(medicine, digest);
    }

    [Fact]
    public async Task Closing_a_dispensing_site_flags_exactly_the_residents_who_depend_on_it()
    {
        var caseManager = await _app.SignedInClientAsync(DemoAccounts.CaseManager);
        var (hospital, dependants) = await _app.WithDbAsync(async db =>
        {
            var id = await db.Partners.Where(p => p.Name == "Regional Hospital No. 2").Select(p => p.Id).SingleAsync();
            var residents = await db.MedicationProgrammes.Where(m => m.DispensingSiteId == id && m.EndedAt == null)
                .Select(m => m.ResidentId).ToListAsync();
            return (id, residents);
        });
        var aliases = await _app.WithDbAsync(db => db.Residents.Where(r => dependants.Contains(r.Id)).Select(r => r.Alias).ToListAsync());
        var others = await _app.WithDbAsync(db => db.MedicationProgrammes.Where(m => m.DispensingSiteId != hospital)
            .Select(m => m.ResidentId).ToListAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

        var response = await caseManager.PostFormAsync("/medication/closures/new", "/medication/closures/new",
            [new("PartnerId", hospital.ToString()), new("From", today), new("Reason", "ArmedConflict")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await caseManager.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains($"Residents who depend on it ({dependants.Count})", page);
        Assert.All(aliases, a => Assert.Contains(a, page));
        var flagged = await _app.WithDbAsync(db =>
            db.FollowUps.Where(f => f.Kind == FollowUpKind.MedicationContinuity && f.Status == FollowUpStatus.Open)
            .Select(f => f.ResidentId).ToListAsync());
        Assert.Equal(dependants.Order(), flagged.Order());
        Assert.DoesNotContain(flagged, others.Contains);
    }

    [Fact]
    public async Task A_canary_medication_written_through_the_app_is_not_in_the_raw_database_file()
    {
        const string canary = "Canarycillin-7Q2";
        var caseManager = await _app.SignedInClientAsync(DemoAccounts.CaseManager);
        var residentId = await _app.WithDbAsync(db =>
            db.Residents.Where(r => db.Stays.Any(s => s.ResidentId == r.Id && s.EndedAt == null)).Select(r => r.Id).FirstAsync());

        var saved = await caseManager.PostFormAsync($"/medication/residents/{residentId}", $"/medication/residents/{residentId}",
            [new("Kind", "Other"), new("Medicine", canary), new("Dose", "Canary-dose 999"), new("PickupWindow", "Canary window"),
                new("Schedule", "TakeHome")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(canary,
            await caseManager.GetStringAsync($"/medication/residents/{residentId}")); // stored, and readable through the app
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_app.DataFolder, "shelter.db*"))
        {
            byte[] bytes;
            try { bytes = await File.ReadAllBytesAsync(file); }
            catch (FileNotFoundException) { continue; } // the -shm file goes when the app's last connection closes
            foreach (var needle in new[] { canary, "Canary-dose", "Canary window", "Methadone", "Dolutegravir" })
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)));
            }
        }
    }

    [Fact]
    public async Task Recording_a_pick_up_covers_her_again_and_closes_her_follow_up()
    {
        await RunSweepAsync();
        var caseManager = await _app.SignedInClientAsync(DemoAccounts.CaseManager);
        var broken = await _app.WithServicesAsync(async sp => (await sp.GetRequiredService<Continuity>().LoadAsync())
            .First(s => s.Result.Status == ContinuityStatus.Broken));
        var today = broken.Today;

        var response = await caseManager.PostFormAsync($"/medication/residents/{broken.ResidentId}",
            $"/medication/{broken.Programme.Id}/dispensed",
            [new("On", today.ToString("yyyy-MM-dd")), new("DaysSupplied", "14"),
                new("NextPickupOn", today.AddDays(13).ToString("yyyy-MM-dd"))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await _app.WithServicesAsync(async sp => (await sp.GetRequiredService<Continuity>().LoadAsync(broken.ResidentId))
            .Single(s => s.Programme.Id == broken.Programme.Id));
        Assert.Equal(ContinuityStatus.Covered, after.Result.Status);
        Assert.False(await _app.WithDbAsync(db =>
            db.FollowUps.AnyAsync(f => f.MedicationProgrammeId == broken.Programme.Id && f.Status == FollowUpStatus.Open)));
    }

    [Fact]
    public async Task The_continuity_page_lists_broken_first_then_at_risk_and_each_view_is_audited()
    {
        var caseManager = await _app.SignedInClientAsync(DemoAccounts.CaseManager);
        var before = await _app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == "Medication"));

        var html = await caseManager.GetStringAsync("/medication");

        var order = System.Text.RegularExpressions.Regex.Matches(html, "data-status=\"(\\w+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(order.OrderByDescending(s => Enum.Parse<ContinuityStatus>(s)), order);
        Assert.Equal("Broken", order[0]);
        Assert.Equal(before + 1, await _app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == "Medication")));
    }

    [Theory]
    [InlineData(DemoAccounts.Staff)]
    [InlineData(DemoAccounts.SocialWorker)]
    [InlineData(DemoAccounts.Manager)]
    [InlineData(DemoAccounts.Admin)]
    public async Task Only_case_managers_open_medication_pages(string email)
    {
        var client = await _app.SignedInClientAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/medication")).StatusCode);
    }

    [Fact]
    public async Task Staff_see_needs_attention_on_the_dashboard_without_any_medication_detail()
    {
        var staff = await _app.SignedInClientAsync(DemoAccounts.Staff);

        var html = await staff.GetStringAsync("/");

        Assert.Contains("medication needs attention", html);
        Assert.DoesNotContain("Methadone", html);
        Assert.DoesNotContain("/medication", html);
    }
}
