using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Children;
using Shelter.Core.Consents;
using Shelter.Core.Documents;
using Shelter.Core.Employment;
using Shelter.Core.FollowUps;
using Shelter.Core.Intake;
using Shelter.Core.Medication;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Shelter.Web.Tests.Integrity;

/// <summary>
/// Absurd data that a typo or an old import can put in the database (year 1 and year 9999, empty
/// and longest strings, Cyrillic and right-to-left text) must never take a page down: every page
/// (GET) for every role answers 200, a redirect, 403 or 404 — never a 5xx.
/// </summary>
public class PageSweepTests(ITestOutputHelper output) : IDisposable
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: true);

    public void Dispose() => _app.Dispose();

    private const string Rtl = "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627";

    internal sealed record Extreme(int ResidentId, int StayId, int ChildId, int ProgrammeId, int FollowUpId, int DocumentId,
        int IntakeId, int ClosureId, int SiteId, int BedId, int PartnerId);

    private async Task<Extreme> ExtremeAsync(string alias, DateTime at, DateOnly day, int bedIndex) => await _app.WithDbAsync(async db =>
    {
        var occupied = await db.Stays.Where(s => s.EndedAt == null).Select(s => s.BedId).ToListAsync();
        var bed = await db.Beds.Include(b => b.Room).Where(b => !occupied.Contains(b.Id) && b.Room.Kind != RoomKind.SafeRoom)
            .OrderBy(b => b.Id).Skip(bedIndex).FirstAsync();
        var partner = await db.Partners.OrderBy(p => p.Id).FirstAsync();
        var resident = new Resident
        {
            Alias = alias, LegalName = "", GenderIdentity = Rtl, Languages = new string('ж', 200), DateOfBirth = day,
            RegisteredAt = at, ConsentToKeepData = true, HighRisk = true,
        };
        var child = new Child
        {
            Alias = "Дитина " + Rtl, AgeAtArrival = 17, ArrivedOn = day, Resident = resident, School = "",
            ChildcareNeeds = new string('ї', 500)
        };
        var stay = new Stay
        {
            Resident = resident, BedId = bed.Id, AdmittedAt = at, StartedAt = at, PlannedEndAt = at,
            Conditions = new string('щ', 1000)
        };
        db.AddRange(child, stay);
        var intake = new Shelter.Core.Intake.Intake
        {
            Resident = resident, ReceivedAt = at, ConsentToKeepData = true,
            Outcome = IntakeOutcome.WaitingList, HitsTotal = 20
        };
        db.Add(intake);
        await db.SaveChangesAsync();
        var programme = new MedicationProgramme
        {
            ResidentId = resident.Id, Kind = MedicationKind.Ost, Medicine = Rtl, Dose = "", DispensingSiteId = partner.Id,
            Schedule = DispensingSchedule.SupervisedDaily, SupplyDays = int.MaxValue, SupplyAsOf = day, NextPickupOn = day,
            LastDispensedOn = day,
            PickupWindow = new string('ы', 200), RecordedAt = at,
        };
        var followUp = new FollowUp { Kind = FollowUpKind.Other, ResidentId = resident.Id, What = Rtl, DueAt = at, CreatedAt = at };
        var document = new DocumentRecovery
        {
            ResidentId = resident.Id, Document = DocumentType.Passport, StartedAt = at,
            IssuingOffice = Rtl, Fees = 99999999m
        };
        var session = new CounsellingSession
        {
            ChildId = child.Id, ResidentId = resident.Id, Room = alias, CounsellorName = alias,
            StartsAt = at, EndsAt = at, CreatedAt = at
        };
        var closure = new DispensingSiteClosure { PartnerId = partner.Id, From = day, To = day, RecordedAt = at };
        var waiting = new WaitingEntry
        {
            ResidentId = resident.Id, IntakeId = intake.Id, Since = at, HighRisk = true, HitsTotal = 20,
            Children = 10
        };
        var consent = new Consent
        {
            ResidentId = resident.Id, PartnerId = partner.Id, Purpose = ConsentPurpose.Medical, GivenAt = at,
            ExpiresOn = day
        };
        var search = new JobSearch
        {
            ResidentId = resident.Id, StartedAt = at,
            Steps = [new JobSearchStep { On = day, Employer = Rtl, RecordedAt = at }]
        };
        var outOfService = new BedOutOfService { BedId = bed.Id, From = day, To = day, RecordedAt = at };
        var takeHome = new MedicationProgramme
        {
            ResidentId = resident.Id, Kind = MedicationKind.Art, Medicine = "", Schedule = DispensingSchedule.TakeHome,
            SupplyDays = 180, SupplyAsOf = day, NextPickupOn = day, RecordedAt = at,
        };
        db.AddRange(programme, takeHome, followUp, document, session, closure, waiting, consent, search, outOfService);
        await db.SaveChangesAsync();
        return new Extreme(resident.Id, stay.Id, child.Id, programme.Id, followUp.Id, document.Id, intake.Id, closure.Id,
            bed.Room.SiteId, bed.Id, partner.Id);
    });

    [Fact]
    public async Task PageSweep_every_page_for_every_role_survives_extreme_stored_values()
    {
        var future = await ExtremeAsync("Far future " + new string('Я', 60), DateTime.MaxValue, DateOnly.MaxValue, 0);
        var past = await ExtremeAsync("Far past " + Rtl, DateTime.MinValue, DateOnly.MinValue, 0);
        var userId = await _app.WithDbAsync(db => db.Users.Select(u => u.Id).FirstAsync());
        var urls = new List<string>();
        foreach (var record in new[] { future, past })
            urls.AddRange(Urls(_app, record, userId));
        urls.AddRange(["/reports/occupancy?from=0001-01-01&to=9999-12-31", "/reports/outcomes?from=0001-01-01&to=9999-12-31",
            "/reports/occupancy.csv?from=0001-01-01&to=9999-12-31", "/reports/outcomes?to=9999-12-31",
                "/reports/outcomes?from=9999-12-01&to=9999-12-31", "/reports/occupancy?from=9999-12-01&to=9999-12-31",
                "/reports/occupancy?from=9999-12-31&to=0001-01-01",
            "/residents?q=" + Uri.EscapeDataString(Rtl), "/residents?q=%D0%AF"]);

        var failures = new List<string>();
        foreach (var account in new[] { DemoAccounts.Staff, DemoAccounts.CaseManager, DemoAccounts.SocialWorker, DemoAccounts.Manager,
            DemoAccounts.Admin })
        {
            var client = await _app.SignedInClientAsync(account);
            foreach (var url in urls.Distinct())
            {
                var response = await client.GetAsync(url);
                if ((int)response.StatusCode >= 500) failures.Add($"{account} {url} → {(int)response.StatusCode}");
            }
        }
        foreach (var failure in failures) output.WriteLine(failure);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task PageSweep_a_typo_year_is_refused_by_the_form_next_to_its_field_and_nothing_is_saved()
    {
        var caseManager = await _app.SignedInClientAsync(DemoAccounts.CaseManager);
        var residentId = await _app.WithDbAsync(db => db.Stays.Where(s => s.EndedAt == null && s.ChildId == null)
            .Select(s => s.ResidentId).FirstAsync());
        var before = await _app.WithDbAsync(db => db.MedicationProgrammes.CountAsync());

        var response = await caseManager.PostFormAsync($"/medication/residents/{residentId}", $"/medication/residents/{residentId}",
            [new("Kind", "Ost"), new("Medicine", "Methadone"), new("Schedule", "TakeHome"), new("SupplyDays", "30"),
                new("SupplyAsOf", "2026-11-20"), new("NextPickupOn", "9999-12-31")]);
        var page = WebUtility.HtmlDecode(await caseManager.GetStringAsync(response.Headers.Location!.ToString()));

        Assert.Contains("The next pick-up must be between", page);
        Assert.Equal(before, await _app.WithDbAsync(db => db.MedicationProgrammes.CountAsync()));
        var tooMuch = await caseManager.PostFormAsync($"/medication/residents/{residentId}", $"/medication/residents/{residentId}",
            [new("Kind", "Ost"), new("Medicine", "Methadone"), new("Schedule", "TakeHome"), new("SupplyDays", "400"),
                new("SupplyAsOf", "2026-11-20")]);
        Assert.Contains("Supply on hand is 0 to 180 days.",
            WebUtility.HtmlDecode(await caseManager.GetStringAsync(tooMuch.Headers.Location!.ToString())));
        Assert.Equal(before, await _app.WithDbAsync(db => db.MedicationProgrammes.CountAsync()));
    }

    /// <summary>Every GET route of the app, its parameters filled from the given records; a route this does not know fails the test (the
    /// accessibility sweep walks the same list).</summary>
    internal static IEnumerable<string> Urls(ShelterFactory app, Extreme x, string userId)
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern).ToList();
        Assert.NotEmpty(routes);
        foreach (var pattern in routes)
        {
            var raw = "/" + pattern.RawText!.TrimStart('/');
            if (raw.StartsWith("/jobs", StringComparison.Ordinal) || raw.StartsWith("/health", StringComparison.Ordinal)
                || raw.StartsWith("/error", StringComparison.Ordinal)) continue;
            var values = new Dictionary<string, string>();
            foreach (var p in pattern.Parameters)
            {
                values[p.Name] = (raw, p.Name) switch
                {
                    (_, "residentId") => x.ResidentId.ToString(),
                    (_, "bedId") => x.BedId.ToString(),
                    (_, "table") => "admissions",
                    (var r, "id") when r.StartsWith("/stays", StringComparison.Ordinal) => x.StayId.ToString(),
                    (var r, "id") when r.StartsWith("/residents", StringComparison.Ordinal) => x.ResidentId.ToString(),
                    (var r, "id") when r.StartsWith("/children", StringComparison.Ordinal) => x.ChildId.ToString(),
                    (var r, "id") when r.StartsWith("/tasks", StringComparison.Ordinal) => x.FollowUpId.ToString(),
                    (var r, "id") when r.StartsWith("/documents", StringComparison.Ordinal) => x.DocumentId.ToString(),
                    (var r, "id") when r.StartsWith("/medication/closures", StringComparison.Ordinal) => x.ClosureId.ToString(),
                    (var r, "id") when r.StartsWith("/medication", StringComparison.Ordinal) => x.ProgrammeId.ToString(),
                    (var r, "id") when r.StartsWith("/intake", StringComparison.Ordinal) => x.IntakeId.ToString(),
                    (var r, "id") when r.StartsWith("/sites", StringComparison.Ordinal) => x.SiteId.ToString(),
                    (var r, "id") when r.StartsWith("/partners", StringComparison.Ordinal) => x.PartnerId.ToString(),
                    (var r, "id") when r.StartsWith("/admin/users", StringComparison.Ordinal) => userId,
                    var other =>
                        throw new InvalidOperationException(
                            $"The page sweep does not know how to fill {other.Item2} in {other.Item1}: add it."),
                };
            }
            var url = System.Text.RegularExpressions.Regex.Replace(raw, @"\{(\w+)(:[^}]*)?\}", m => values[m.Groups[1].Value]);
            yield return url;
            if (url == "/tasks/new" || url == "/stays/check-in") yield return $"{url}?residentId={x.ResidentId}";
            if (url == "/stays/check-in") yield return $"{url}?bedId={x.BedId}";
        }
    }
}
