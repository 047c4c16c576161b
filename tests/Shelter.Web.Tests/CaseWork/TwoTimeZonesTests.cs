using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shelter.Core.Accounts;
using Shelter.Core.FollowUps;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Features.Tasks;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.CaseWork;

/// <summary>
/// A network with a house in Kyiv (UTC+2 in winter, +3 in summer) and one in Almaty (UTC+5 all
/// year): each keeps its own day, hours and clock. The app's time stands still (FakeTimeProvider)
/// and moves only when a test moves it.
/// </summary>
public class TwoTimeZonesTests
{
    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private sealed record Network(ShelterFactory App, FakeTimeProvider Time, int KyivResident, int AlmatyResident, int KyivChild,
        int AlmatyChild) : IAsyncDisposable
    {
        public Task<string> UserIdAsync(string email) => App.UserIdAsync(email);

        public Task<int> AddFollowUpAsync(int residentId, string assignee, DateTime dueAt) => App.WithDbAsync(async db =>
        {
            var f = new FollowUp
            {
                Kind = FollowUpKind.Other, ResidentId = residentId, AssignedToUserId = assignee, DueAt = dueAt,
                CreatedAt = Time.GetUtcNow().UtcDateTime, What = "Go with her to the office"
            };
            db.FollowUps.Add(f);
            await db.SaveChangesAsync();
            return f.Id;
        });

        public async Task DispatchAsync(DateTime utc)
        {
            Time.SetUtcNow(utc);
            await App.WithServicesAsync(async sp => { await sp.GetRequiredService<ReminderDispatcher>().DispatchAsync(); return 0; });
            await App.DeliverOutboxAsync(); // the dispatcher queues; delivery writes them
        }

        /// <summary>The emails written so far (queued by the dispatcher and delivered before DispatchAsync returns), to one address, with a
        /// subject containing <paramref name="subject"/>.</summary>
        public List<string> Mails(string to, string subject)
        {
            var folder = Path.Combine(App.DataFolder, "mail-pickup");
            return (Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : []).Select(File.ReadAllText)
                .Where(m => m.Contains("To: " + to) && Regex.IsMatch(m, "^Subject: .*" + Regex.Escape(subject), RegexOptions.Multiline))
                    .ToList();
        }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>Two houses, a case manager at each, one at both, a social worker at both; a woman and her child in each house.</summary>
    private static async Task<Network> NetworkAsync(DateTime startUtc)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(startUtc));
        var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false) { Time = time };
        var kyiv = await app.AddSiteInAsync("Kyiv House", false, "Europe/Kyiv", ("Family", RoomKind.Family, 4));
        var almaty = await app.AddSiteInAsync("Almaty House", false, "Asia/Almaty", ("Family", RoomKind.Family, 4));
        await app.CreateUserAsync("cm.kyiv@tz.test", Roles.CaseManager, sites: [kyiv.Id]);
        await app.CreateUserAsync("cm.almaty@tz.test", Roles.CaseManager, sites: [almaty.Id]);
        await app.CreateUserAsync("cm.both@tz.test", Roles.CaseManager, sites: [kyiv.Id, almaty.Id]);
        await app.CreateUserAsync("sw@tz.test", Roles.SocialWorker, sites: [kyiv.Id, almaty.Id]);
        async Task<(int, int)> HouseAsync(Site site, string alias) => await app.WithDbAsync(async db =>
        {
            var since = startUtc.AddDays(-5);
            var resident = new Resident { Alias = alias, RegisteredAt = since, ConsentToKeepData = true };
            var child = new Child { Alias = alias + " child", AgeAtArrival = 8, ArrivedOn = DateOnly.FromDateTime(since) };
            resident.Children.Add(child);
            db.Residents.Add(resident);
            var beds = site.BedIds("Family").ToList();
            db.Stays.Add(new Stay
            {
                Resident = resident, BedId = beds[0], AdmittedAt = since, StartedAt = since,
                PlannedEndAt = since.AddDays(90)
            });
            db.Stays.Add(new Stay
            {
                Resident = resident, Child = child, BedId = beds[1], AdmittedAt = since, StartedAt = since,
                PlannedEndAt = since.AddDays(90)
            });
            await db.SaveChangesAsync();
            return (resident.Id, child.Id);
        });
        var (kyivResident, kyivChild) = await HouseAsync(kyiv, "Kyiv resident");
        var (almatyResident, almatyChild) = await HouseAsync(almaty, "Almaty resident");
        return new Network(app, time, kyivResident, almatyResident, kyivChild, almatyChild);
    }

    [Fact]
    public async Task TwoTimeZones_a_follow_up_due_on_a_day_is_due_at_the_end_of_that_day_at_her_site()
    {
        // Thursday 15 January, 20:30 UTC: 22:30 in Kyiv, already Friday 01:30 in Almaty.
        await using var net = await NetworkAsync(Utc(1, 15, 20, 30));
        var cm = await net.App.SignedInClientAsync("cm.both@tz.test");

        async Task<HttpResponseMessage> OpenAsync(int residentId, string dueOn) =>
            await cm.PostFormAsync($"/tasks/new?residentId={residentId}", $"/tasks/new?residentId={residentId}",
                [new("Kind", "Other"), new("What", "Call the office"), new("DueOn", dueOn)]);

        Assert.Equal(HttpStatusCode.Redirect, (await OpenAsync(net.KyivResident, "2026-01-16")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await OpenAsync(net.AlmatyResident, "2026-01-16")).StatusCode);
        var due = await net.App.WithDbAsync(db => db.FollowUps.ToDictionaryAsync(f => f.ResidentId, f => f.DueAt));
        Assert.Equal(Utc(1, 16, 15), due[net.KyivResident]);   // 17:00 in Kyiv
        Assert.Equal(Utc(1, 16, 12), due[net.AlmatyResident]); // 17:00 in Almaty

        // "Today" (the 15th) is still today in Kyiv, but already yesterday in Almaty.
        Assert.Equal(HttpStatusCode.Redirect, (await OpenAsync(net.KyivResident, "2026-01-15")).StatusCode);
        var refused = await OpenAsync(net.AlmatyResident, "2026-01-15");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The due date cannot be in the past.", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TwoTimeZones_the_worklist_today_is_each_residents_local_day_and_says_whose_time()
    {
        await using var net = await NetworkAsync(Utc(1, 15, 20, 30)); // Thu 22:30 Kyiv, Fri 01:30 Almaty
        var me = await net.UserIdAsync("cm.both@tz.test");
        await net.AddFollowUpAsync(net.KyivResident, me, Utc(1, 16, 15));   // Friday 17:00 Kyiv
        await net.AddFollowUpAsync(net.AlmatyResident, me, Utc(1, 16, 12)); // Friday 17:00 Almaty
        var cm = await net.App.SignedInClientAsync("cm.both@tz.test");

        var page = new HtmlParser().ParseDocument(await cm.GetStringAsync("/tasks"));
        var today = page.QuerySelector("[data-testid=today]")!.TextContent;
        var upcoming = page.QuerySelector("[data-testid=upcoming]")!.TextContent;

        Assert.Contains("Almaty resident", today);
        Assert.Contains("16 Jan 17:00 (Almaty time)", today);
        Assert.DoesNotContain("Kyiv resident", today);
        Assert.Contains("Kyiv resident", upcoming);
        Assert.Contains("16 Jan 17:00 (Kyiv time)", upcoming);

        // A reader of Russian gets the month and whose clock in her language.
        cm.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var russian = new HtmlParser().ParseDocument(await cm.GetStringAsync("/tasks"));
        Assert.Contains("16 янв. 17:00 (Алматы, местное время)", russian.QuerySelector("[data-testid=today]")!.TextContent);
        Assert.Contains("16 янв. 17:00 (Киев, местное время)", russian.QuerySelector("[data-testid=upcoming]")!.TextContent);
    }

    [Fact]
    public async Task TwoTimeZones_reminders_go_out_within_each_sites_own_working_hours()
    {
        await using var net = await NetworkAsync(Utc(1, 15, 12));
        await net.AddFollowUpAsync(net.KyivResident, await net.UserIdAsync("cm.kyiv@tz.test"), Utc(1, 19, 15));     // Monday 17:00 Kyiv
        await net.AddFollowUpAsync(net.AlmatyResident, await net.UserIdAsync("cm.almaty@tz.test"), Utc(1, 19, 12)); // Monday 17:00 Almaty

        // Both are reminded the working day before, Friday, at 09:00 on their own site's clock.
        await net.DispatchAsync(Utc(1, 16, 3, 55)); // 08:55 Almaty, 05:55 Kyiv
        Assert.Empty(net.Mails("cm.almaty@tz.test", "due soon"));
        await net.DispatchAsync(Utc(1, 16, 4, 5));  // 09:05 Almaty
        Assert.Single(net.Mails("cm.almaty@tz.test", "due soon"));
        Assert.Empty(net.Mails("cm.kyiv@tz.test", "due soon"));
        await net.DispatchAsync(Utc(1, 16, 6, 55)); // 08:55 Kyiv
        Assert.Empty(net.Mails("cm.kyiv@tz.test", "due soon"));
        await net.DispatchAsync(Utc(1, 16, 7, 5));  // 09:05 Kyiv
        Assert.Single(net.Mails("cm.kyiv@tz.test", "due soon"));
        Assert.Single(net.Mails("cm.almaty@tz.test", "due soon"));
    }

    [Fact]
    public async Task TwoTimeZones_each_worker_gets_one_digest_per_working_day_at_the_start_of_her_sites_day()
    {
        await using var net = await NetworkAsync(Utc(1, 15, 1));
        await net.AddFollowUpAsync(net.KyivResident, await net.UserIdAsync("cm.kyiv@tz.test"), Utc(1, 15, 15));     // Thursday 17:00 Kyiv
        await net.AddFollowUpAsync(net.AlmatyResident, await net.UserIdAsync("cm.almaty@tz.test"), Utc(1, 15, 12)); // Thursday 17:00 Almaty

        await net.DispatchAsync(Utc(1, 15, 3, 30)); // 08:30 Almaty, 05:30 Kyiv: nobody's day has begun
        Assert.Empty(net.Mails("cm.almaty@tz.test", "Today:"));
        await net.DispatchAsync(Utc(1, 15, 4, 5));  // 09:05 Almaty
        Assert.Contains("0 overdue, 1 due", Assert.Single(net.Mails("cm.almaty@tz.test", "Today:")));
        Assert.Empty(net.Mails("cm.kyiv@tz.test", "Today:"));
        await net.DispatchAsync(Utc(1, 15, 5));     // the job runs again: no second digest today
        await net.DispatchAsync(Utc(1, 15, 7, 5));  // 09:05 Kyiv
        Assert.Single(net.Mails("cm.almaty@tz.test", "Today:"));
        Assert.Contains("0 overdue, 1 due", Assert.Single(net.Mails("cm.kyiv@tz.test", "Today:")));

        // Friday: a new working day at each site, a new digest each (the work is now overdue).
        await net.DispatchAsync(Utc(1, 16, 4, 5));
        Assert.Equal(2, net.Mails("cm.almaty@tz.test", "Today:").Count);
        Assert.Single(net.Mails("cm.kyiv@tz.test", "Today:"));
        await net.DispatchAsync(Utc(1, 16, 7, 5));
        Assert.Equal(2, net.Mails("cm.kyiv@tz.test", "Today:").Count);
    }

    [Fact]
    public async Task TwoTimeZones_sessions_are_booked_on_the_childs_site_clock_and_a_clash_says_whose_time()
    {
        await using var net = await NetworkAsync(Utc(1, 15, 6));
        var sw = await net.App.SignedInClientAsync("sw@tz.test");

        async Task<string> BookAsync(int childId, string at)
        {
            // A counselling room at the child's site (rooms belong to a site).
            var roomId = await net.App.WithDbAsync(async db =>
            {
                var residentId = await db.Children.Where(c => c.Id == childId).Select(c => c.ResidentId).SingleAsync();
                var siteId = await db.Stays.Where(s => s.ResidentId == residentId && s.ChildId == null && s.EndedAt == null)
                    .Select(s => s.Bed.Room.SiteId).SingleAsync();
                var room = await db.CounsellingRooms.FirstOrDefaultAsync(r => r.SiteId == siteId);
                if (room is null)
                {
                    db.CounsellingRooms.Add(room = new Shelter.Core.Children.CounsellingRoom { SiteId = siteId, Name = "Room " + childId });
                    await db.SaveChangesAsync();
                }
                return room.Id;
            });
            var response = await sw.PostFormAsync($"/children/{childId}", $"/children/{childId}/sessions",
                [new("CounsellorName", "Dr Hanna Partner"), new("CounsellingRoomId", roomId.ToString()), new("On", "2026-01-16"),
                    new("At", at), new("Minutes", "50")]);
            return new HtmlParser().ParseDocument(await sw.GetStringAsync(response.Headers.Location!.OriginalString))
                .QuerySelector("main .alert")?.TextContent.Trim() ?? "";
        }

        Assert.Equal("The session is booked.", await BookAsync(net.AlmatyChild, "10:00"));
        Assert.Equal(Utc(1, 16, 5),
            await net.App.WithDbAsync(db => db.CounsellingSessions.Select(s => s.StartsAt).SingleAsync())); // 10:00 Almaty

        // 07:20 in Kyiv is 10:20 in Almaty: the same counsellor is busy; the message is on the Kyiv clock and says so.
        Assert.Equal("The counsellor already has a session 07:00–07:50 (Kyiv time) on 16 Jan.", await BookAsync(net.KyivChild, "07:20"));
        Assert.Equal("The session is booked.", await BookAsync(net.KyivChild, "10:00")); // 10:00 Kyiv = 13:00 Almaty: free

        var page = await sw.GetStringAsync($"/children/{net.AlmatyChild}");
        Assert.Contains("Fri 16 Jan 10:00–10:50 (Almaty time)", page);
    }

    [Fact]
    public async Task TwoTimeZones_across_the_spring_clock_change_a_Monday_follow_up_is_reminded_on_Friday_morning_local_time()
    {
        // Kyiv moves from UTC+2 to UTC+3 on Sunday 29 March 2026; Almaty does not move.
        await using var net = await NetworkAsync(Utc(3, 26, 12));
        var cm = await net.App.SignedInClientAsync("cm.both@tz.test");
        await cm.PostFormAsync($"/tasks/new?residentId={net.KyivResident}", $"/tasks/new?residentId={net.KyivResident}",
            [new("Kind", "Other"), new("What", "Clinic"), new("DueOn", "2026-03-30"),
                new("AssignedToUserId", await net.UserIdAsync("cm.kyiv@tz.test"))]);
        Assert.Equal(Utc(3, 30, 14),
            await net.App.WithDbAsync(db => db.FollowUps.Select(f => f.DueAt).SingleAsync())); // Monday 17:00 summer time

        await net.DispatchAsync(Utc(3, 27, 6, 55)); // Friday 08:55 winter time in Kyiv
        Assert.Empty(net.Mails("cm.kyiv@tz.test", "due soon"));
        await net.DispatchAsync(Utc(3, 27, 7, 5));  // Friday 09:05
        Assert.Single(net.Mails("cm.kyiv@tz.test", "due soon"));

        // Not done by Monday 17:00 (after the change): managers hear on Tuesday at 09:00 summer time, 06:00 UTC.
        await net.App.CreateUserAsync("manager@tz.test", Roles.Manager);
        await net.DispatchAsync(Utc(3, 31, 5, 55));
        Assert.Empty(net.Mails("manager@tz.test", "overdue"));
        await net.DispatchAsync(Utc(3, 31, 6, 5));
        Assert.Single(net.Mails("manager@tz.test", "overdue"));
    }

    [Fact]
    public async Task TwoTimeZones_what_happened_today_in_Almaty_is_recorded_while_it_is_still_yesterday_in_UTC()
    {
        // Thursday 15 January 20:30 UTC is Friday 01:30 in Almaty: her night worker records Friday's pick-up and refusal.
        await using var net = await NetworkAsync(Utc(1, 15, 20, 30));
        var programmeId = await net.App.WithDbAsync(async db =>
        {
            var p = new Core.Medication.MedicationProgramme
            {
                ResidentId = net.AlmatyResident, Kind = Core.Medication.MedicationKind.Art, Medicine = "Dolutegravir",
                SupplyAsOf = new DateOnly(2026, 1, 1), SupplyDays = 14, RecordedAt = Utc(1, 1, 9),
            };
            db.MedicationProgrammes.Add(p);
            await db.SaveChangesAsync();
            db.FollowUps.Add(new FollowUp
            {
                Kind = FollowUpKind.MedicationContinuity, ResidentId = net.AlmatyResident, MedicationProgrammeId = p.Id,
                AssignedToUserId = await net.UserIdAsync("cm.almaty@tz.test"), DueAt = Utc(1, 15, 12), CreatedAt = Utc(1, 15, 3),
                What = "Her supply ended",
            });
            await db.SaveChangesAsync();
            return p.Id;
        });
        var cm = await net.App.SignedInClientAsync("cm.almaty@tz.test");

        var dispensed = await cm.PostFormAsync($"/medication/residents/{net.AlmatyResident}", $"/medication/{programmeId}/dispensed",
            [new("On", "2026-01-16"), new("DaysSupplied", "14"), new("NextPickupOn", "2026-01-29")]);
        var refusal = await cm.PostFormAsync("/barriers", "/barriers",
            [new("OtherServiceName", "City shelter"), new("Reason", "NoDocuments"), new("On", "2026-01-16")]);

        Assert.Equal(HttpStatusCode.Redirect, dispensed.StatusCode);
        var status = await net.App.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<Care.Continuity>().LoadAsync(net.AlmatyResident)).Single());
        Assert.Equal(new DateOnly(2026, 1, 16), status.Today);
        Assert.Equal(new DateOnly(2026, 1, 16), status.Programme.LastDispensedOn);
        Assert.Equal(Core.Medication.ContinuityStatus.Covered, status.Result.Status);
        Assert.False(await net.App.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.MedicationProgrammeId == programmeId
            && f.Status == FollowUpStatus.Open)));
        Assert.Equal(HttpStatusCode.Redirect, refusal.StatusCode);
        Assert.Equal(1, await net.App.WithDbAsync(db => db.Barriers.CountAsync()));

        // Saturday in Almaty has not begun anywhere near: a pick-up on the 17th is refused, and nothing changes.
        var tomorrow = await cm.PostFormAsync($"/medication/residents/{net.AlmatyResident}", $"/medication/{programmeId}/dispensed",
            [new("On", "2026-01-17"), new("DaysSupplied", "14")]);
        Assert.Equal(HttpStatusCode.Redirect, tomorrow.StatusCode);
        Assert.Equal(new DateOnly(2026, 1, 16), await net.App.WithDbAsync(db =>
            db.MedicationProgrammes.Where(m => m.Id == programmeId).Select(m => m.LastDispensedOn).SingleAsync()));
    }
}
