using System.Net;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Intake;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Reports;

/// <summary>
/// A small house with a hand-counted March: a stay from before the period, one that starts and
/// ends inside it, a moved stay, a safe-room night and a bed out of service for two days.
/// </summary>
public class ReportTests : IAsyncLifetime
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: false);
    private HttpClient _manager = null!;
    private const string Period = "from=2026-03-01&to=2026-03-10";

    private static DateTime At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        foreach (var (email, role) in new[] { ("manager@test.shelter", Roles.Manager), ("staff@test.shelter", Roles.Staff),
            ("cm@test.shelter", Roles.CaseManager), ("sw@test.shelter", Roles.SocialWorker), ("admin@test.shelter", Roles.Admin) })
            await _app.CreateUserAsync(email, role);
        var site = await _app.AddSiteAsync("North", false, ("Shared", RoomKind.Shared, 2), ("Safe", RoomKind.SafeRoom, 1));
        var (b1, b2) = (site.BedIds("Shared").First(), site.BedIds("Shared").Last());
        var s1 = site.BedIds("Safe").Single();
        await _app.WithDbAsync(async db =>
        {
            Resident Woman(string alias)
            {
                var r = new Resident
                {
                    Alias = alias, RegisteredAt = At(2, 1, 0),
                    ConsentToKeepData = true
                }; db.Residents.Add(r); return r;
            }
            Stay Stay(Resident r, int bed, DateTime start, DateTime? end, ExitReason? reason = ExitReason.PlannedEnd,
                ExitDestination? to = ExitDestination.OwnHousing, DateTime? admitted = null) =>
                new()
                {
                    Resident = r, BedId = bed, AdmittedAt = admitted ?? start, StartedAt = start, PlannedEndAt = start.AddDays(90),
                    EndedAt = end, ExitReason = end is null ? null : reason, ExitDestination = end is null ? null : to
                };
            var x = Woman("X"); var y = Woman("Y"); var z = Woman("Z"); var w = Woman("W");
            db.Stays.Add(Stay(x, b1, At(2, 25, 12), At(3, 4, 10)));
            db.Stays.Add(Stay(y, b2, At(3, 3, 15), At(3, 6, 9)));
            var z1 = Stay(z, b1, At(3, 5, 12), At(3, 7, 12), ExitReason.MovedWithinNetwork, ExitDestination.WithinThisNetwork);
            db.Stays.Add(z1);
            await db.SaveChangesAsync();
            var z2 = Stay(z, b2, At(3, 7, 12), null, admitted: z1.AdmittedAt);
            z2.MovedFromStayId = z1.Id;
            db.Stays.Add(z2);
            db.Stays.Add(Stay(w, s1, At(3, 8, 20), At(3, 9, 18)));
            db.BedsOutOfService.Add(new BedOutOfService
            {
                BedId = b2, From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 2),
                Reason = OutOfServiceReason.Repair, RecordedAt = At(2, 20, 0)
            });
            // Intakes for the suppression rule: five admitted to a bed, two wait-listed.
            foreach (var r in new[] { x, y, z, w, Woman("V") })
                db.Intakes.Add(new Shelter.Core.Intake.Intake
                {
                    Resident = r, ReceivedAt = At(3, 2, 10), Outcome = IntakeOutcome.Bed,
                    ConsentToKeepData = true
                });
            foreach (var r in new[] { Woman("U"), Woman("T") })
                db.Intakes.Add(new Shelter.Core.Intake.Intake
                {
                    Resident = r, ReceivedAt = At(3, 2, 11),
                    Outcome = IntakeOutcome.WaitingList, Reason = OutcomeReason.NoFittingCapacity, ConsentToKeepData = true
                });
            return await db.SaveChangesAsync();
        });
        _manager = await _app.SignedInClientAsync("manager@test.shelter");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<List<string[]>> CsvAsync(string url)
    {
        var response = await _manager.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        return (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r').Split(',')).ToList();
    }

    [Fact]
    public async Task Occupancy_per_day_matches_the_hand_count_including_a_move_an_out_of_service_bed_and_a_safe_room_night()
    {
        var rows = await CsvAsync($"/reports/occupancy.csv?{Period}");

        Assert.Equal("date,site,room_type,beds,occupied,utilisation", string.Join(",", rows[0]));
        var shared = rows.Skip(1).Where(r => r[2] == "shared")
            .ToDictionary(r => r[0], r => (Beds: int.Parse(r[3]), Occupied: int.Parse(r[4]), Utilisation: r[5]));
        var safe = rows.Skip(1).Where(r => r[2] == "safe_room").ToDictionary(r => r[0], r => int.Parse(r[4]));
        int[] expectedBeds = [1, 1, 2, 2, 2, 2, 2, 2, 2, 2];
        int[] expectedOccupied = [1, 1, 2, 1, 2, 1, 1, 1, 1, 1];
        for (var d = 1; d <= 10; d++)
        {
            var day = $"2026-03-{d:00}";
            Assert.Equal((expectedBeds[d - 1], expectedOccupied[d - 1]), (shared[day].Beds, shared[day].Occupied));
            Assert.Equal(d == 8 ? 1 : 0, safe[day]);
        }
        Assert.Equal("50.0", shared["2026-03-04"].Utilisation);
        Assert.Equal("100.0", shared["2026-03-01"].Utilisation);

        var page = await _manager.GetStringAsync($"/reports/occupancy?{Period}");
        Assert.Contains("13 bed-nights of 28 available", page); // 12 shared + 1 safe; 18 shared + 10 safe
    }

    [Fact]
    public async Task The_occupancy_CSV_has_one_row_per_day_site_and_room_type()
    {
        var rows = await CsvAsync($"/reports/occupancy.csv?{Period}");

        Assert.Equal(1 + 10 * 2, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.Equal(6, r.Length));
    }

    [Fact]
    public async Task Small_counts_show_as_under_five_on_the_page_and_in_the_CSV()
    {
        var outcomes = await CsvAsync($"/reports/outcomes/intake-outcomes.csv?{Period}");
        var exits = await CsvAsync($"/reports/outcomes/exits.csv?{Period}");
        var page = await _manager.GetStringAsync($"/reports/outcomes?{Period}");

        Assert.Contains(outcomes, r => r[0] == "Admitted to a bed" && r[1] == "5");
        Assert.Contains(outcomes, r => r[0] == "On the waiting list" && r[1] == "<5");
        Assert.Contains(exits, r => r[0] == "Her own housing" && r[1] == "<5"); // three women left for their own housing
        Assert.Contains("&lt;5", page);
        Assert.DoesNotContain(">X<", page);
    }

    [Fact]
    public async Task Length_of_stay_counts_a_moved_stay_once_from_her_arrival()
    {
        var rows = await CsvAsync($"/reports/outcomes/length-of-stay.csv?{Period}");

        // X, Y, W left; Z moved and stays. Three women: the count and every figure about their stays are hidden.
        Assert.Contains(rows, r => r[0] == "Women" && r[1] == "<5");
        Assert.Contains(rows, r => r[0] == "Median" && r[1] == "—");
    }

    [Fact]
    public async Task Every_export_is_audit_logged()
    {
        var before = await _app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "Exported"));

        await CsvAsync($"/reports/occupancy.csv?{Period}");
        await CsvAsync($"/reports/outcomes/barriers.csv?{Period}");

        Assert.Equal(before + 2,
            await _app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "Exported" && e.EntityType == "Report")));
    }

    [Fact]
    public async Task A_check_out_shows_in_the_next_Report_request_page_CSV_and_outcomes()
    {
        _app.Clock.SetTo(At(3, 10, 12));
        var beforeCsv = await CsvAsync($"/reports/occupancy.csv?{Period}");
        var beforePage = await _manager.GetStringAsync($"/reports/occupancy?{Period}");
        var beforeExits = await CsvAsync($"/reports/outcomes/exits.csv?{Period}");
        Assert.Contains(beforeCsv, r => r[0] == "2026-03-10" && r[2] == "shared" && r[4] == "1"); // Z, moved to bed 2
        Assert.Contains("13 bed-nights of 28 available", beforePage);

        // Z leaves on the 10th: her stay, begun on the 7th, gets an end (an old row changes, nothing is added).
        var staff = await _app.SignedInClientAsync("staff@test.shelter");
        var stayId = await _app.WithDbAsync(db => db.Stays.Where(s => s.EndedAt == null && s.ChildId == null).Select(s => s.Id)
            .SingleAsync());
        var checkOut = await staff.PostFormAsync($"/stays/{stayId}/check-out", $"/stays/{stayId}/check-out",
            [new("Reason", "HerChoice"), new("Destination", "FamilyOrFriends")]);
        Assert.Equal(HttpStatusCode.Redirect, checkOut.StatusCode);

        var afterCsv = await CsvAsync($"/reports/occupancy.csv?{Period}");
        var afterPage = await _manager.GetStringAsync($"/reports/occupancy?{Period}");
        var afterExits = await CsvAsync($"/reports/outcomes/exits.csv?{Period}");
        Assert.Contains(afterCsv, r => r[0] == "2026-03-10" && r[2] == "shared" && r[4] == "0");
        Assert.Contains("12 bed-nights of 28 available", afterPage);
        Assert.Equal(beforeExits.Count + 1, afterExits.Count); // a new destination: family or friends
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_gets_a_clear_message()
    {
        var page = await _manager.GetStringAsync("/reports/occupancy?from=2026-03-10&to=2026-03-01");
        var csv = await _manager.GetAsync("/reports/occupancy.csv?from=2026-03-10&to=2026-03-01");

        Assert.Contains("The end of the period comes before its start.", page);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
    }

    [Theory]
    [InlineData("staff@test.shelter")]
    [InlineData("cm@test.shelter")]
    [InlineData("sw@test.shelter")]
    [InlineData("admin@test.shelter")]
    public async Task Only_managers_get_reports(string email)
    {
        var client = await _app.SignedInClientAsync(email);

        foreach (var url in new[] { "/reports/occupancy", $"/reports/occupancy.csv?{Period}", "/reports/outcomes",
            $"/reports/outcomes/exits.csv?{Period}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
    }
}

/// <summary>The one suppression rule, as a manager meets it on the reports and the dashboard.</summary>
public class SuppressionReportTests : IDisposable
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: false);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task One_woman_who_left_shows_as_under_five_and_her_length_of_stay_as_a_dash_on_the_page_and_in_every_CSV()
    {
        var site = await _app.AddSiteAsync("North", false, ("Shared", RoomKind.Shared, 2));
        await _app.WithDbAsync(async db =>
        {
            var r = new Resident
            {
                Alias = "Only One", RegisteredAt = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc),
                ConsentToKeepData = true
            };
            db.Stays.Add(new Stay
            {
                Resident = r, BedId = site.BedIds("Shared")
                    .First(), AdmittedAt = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), StartedAt = new DateTime(2026, 3, 1,
                    12, 0, 0, DateTimeKind.Utc),
                PlannedEndAt = new DateTime(2026, 5, 30, 12, 0, 0, DateTimeKind.Utc), EndedAt = new DateTime(2026, 3, 18, 12, 0, 0,
                    DateTimeKind.Utc),
                ExitReason = ExitReason.PlannedEnd, ExitDestination = ExitDestination.OwnHousing,
            });
            return await db.SaveChangesAsync();
        });
        await _app.CreateUserAsync("manager@test.shelter", Roles.Manager);
        var manager = await _app.SignedInClientAsync("manager@test.shelter");
        const string period = "from=2026-03-01&to=2026-03-31";

        var page = WebUtility.HtmlDecode(await manager.GetStringAsync($"/reports/outcomes?{period}"));
        var admissions = await manager.GetStringAsync($"/reports/outcomes/admissions.csv?{period}");
        var los = await manager.GetStringAsync($"/reports/outcomes/length-of-stay.csv?{period}");

        Assert.Contains("Women who left,<5", admissions);
        Assert.DoesNotContain("Women who left,1", admissions);
        Assert.Contains("Median,—", los);
        Assert.Contains("Mean,—", los);
        Assert.DoesNotContain("17.0", los);
        Assert.DoesNotContain("17.0", page);
        Assert.Contains("—", page);
    }

    [Fact]
    public async Task The_dashboard_and_the_report_give_the_same_occupancy_out_of_service_beds_excluded_and_say_so()
    {
        var site = await _app.AddSiteAsync("North", false, ("Shared", RoomKind.Shared, 4));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await _app.WithDbAsync(async db =>
        {
            var beds = site.BedIds("Shared").ToList();
            db.BedsOutOfService.Add(new BedOutOfService
            {
                BedId = beds[3], From = today.AddDays(-3), To = today.AddDays(3),
                Reason = OutOfServiceReason.Repair, RecordedAt = DateTime.UtcNow
            });
            var r = new Resident { Alias = "Sleeper", RegisteredAt = DateTime.UtcNow.AddDays(-10), ConsentToKeepData = true };
            db.Stays.Add(new Stay
            {
                Resident = r, BedId = beds[0], AdmittedAt = DateTime.UtcNow.AddDays(-10),
                StartedAt = DateTime.UtcNow.AddDays(-10), PlannedEndAt = DateTime.UtcNow.AddDays(80)
            });
            return await db.SaveChangesAsync();
        });
        await _app.CreateUserAsync("manager@test.shelter", Roles.Manager);
        var manager = await _app.SignedInClientAsync("manager@test.shelter");

        var dashboard = await manager.GetStringAsync("/");
        var csv = await manager.GetStringAsync($"/reports/occupancy.csv?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        // One of three beds in service is occupied: 33 %, not one of four (25 %).
        Assert.Contains("Occupancy (out-of-service beds excluded)", dashboard);
        Assert.Matches("data-testid=\"occupancy\">33 %", dashboard);
        Assert.Contains($"{today:yyyy-MM-dd},North,shared,3,1,33.3", csv);
        Assert.Contains("data-testid=\"women\">&lt;5", dashboard);
        Assert.Contains("Occupancy (out-of-service beds excluded)",
            await manager.GetStringAsync($"/reports/occupancy?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
    }

    [Fact]
    public async Task Report_pages_offer_last_month_this_year_and_last_year()
    {
        await _app.CreateUserAsync("manager@test.shelter", Roles.Manager);
        var manager = await _app.SignedInClientAsync("manager@test.shelter");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

        foreach (var url in new[] { "/reports/occupancy", "/reports/outcomes" })
        {
            var page = WebUtility.HtmlDecode(await manager.GetStringAsync(url));
            Assert.Contains($"from={lastMonth:yyyy-MM-dd}&to={lastMonth.AddMonths(1).AddDays(-1):yyyy-MM-dd}\"", page);
            Assert.Contains($"from={today.Year}-01-01&to={today:yyyy-MM-dd}\"", page);
            Assert.Contains($"from={today.Year - 1}-01-01&to={today.Year - 1}-12-31\"", page);
            Assert.Contains(">Last month<", page);
            Assert.Contains(">This year<", page);
            Assert.Contains(">Last year<", page);
        }
    }
}
