using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Core.Children;
using Shelter.Core.FollowUps;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Features.Tasks;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.CaseWork;

/// <summary>Follow-ups, reminders and counselling, on houses without demo data, with a real SMTP sink.</summary>
public class CaseWorkTests(SmtpSink smtp) : IClassFixture<SmtpSink>
{
    private const string ResidentCanary = "Zoryana Canarynamova";
    private const string ChildCanary = "Mykolka Canarychild";
    // Monday 30 November 2026, 10:00 in Kyiv (UTC+2).
    private static readonly DateTime MondayTen = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private ShelterFactory NewApp(string? folder = null)
        => new(folder ?? ShelterFactory.NewDataFolder(), demo: false, new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtp.Port.ToString(), ["Smtp:Security"] = "None",
            ["Smtp:From"] = "shelter@test.shelter",
        });

    /// <summary>A site, a case manager and a social worker, and a resident with a child in the house.</summary>
    private static async Task<(int ResidentId, int ChildId, string CaseManagerId)> HouseAsync(ShelterFactory app)
    {
        await app.CreateUserAsync("cm@test.shelter", Roles.CaseManager);
        await app.CreateUserAsync("sw@test.shelter", Roles.SocialWorker);
        await app.CreateUserAsync("staff@test.shelter", Roles.Staff);
        await app.CreateUserAsync("admin@test.shelter", Roles.Admin);
        var site = await app.AddSiteAsync("Shelter", false, ("Family", RoomKind.Family, 3));
        var cm = await app.UserIdAsync("cm@test.shelter");
        return await app.WithDbAsync(async db =>
        {
            db.CounsellingRooms.AddRange(new CounsellingRoom { SiteId = site.Id, Name = "Play room" },
                new CounsellingRoom { SiteId = site.Id, Name = "Office" });
            var resident = new Resident { Alias = ResidentCanary, RegisteredAt = MondayTen.AddDays(-3), ConsentToKeepData = true };
            var child = new Child { Alias = ChildCanary, AgeAtArrival = 9, ArrivedOn = new DateOnly(2026, 11, 27) };
            resident.Children.Add(child);
            db.Residents.Add(resident);
            var beds = site.BedIds("Family").ToList();
            db.Stays.Add(new Stay
            {
                Resident = resident, BedId = beds[0], AdmittedAt = MondayTen.AddDays(-3),
                StartedAt = MondayTen.AddDays(-3), PlannedEndAt = MondayTen.AddDays(87)
            });
            db.Stays.Add(new Stay
            {
                Resident = resident, Child = child, BedId = beds[1], AdmittedAt = MondayTen.AddDays(-3),
                StartedAt = MondayTen.AddDays(-3), PlannedEndAt = MondayTen.AddDays(87)
            });
            await db.SaveChangesAsync();
            return (resident.Id, child.Id, cm);
        });
    }

    private static Task AddFollowUpAsync(ShelterFactory app, int residentId, string assignee, DateTime dueAt) => app.WithDbAsync(async db =>
    {
        db.FollowUps.Add(new FollowUp
        {
            Kind = FollowUpKind.Other, ResidentId = residentId, AssignedToUserId = assignee, DueAt = dueAt,
            CreatedAt = MondayTen, What = "Accompany her to the clinic"
        });
        return await db.SaveChangesAsync();
    });

    private static async Task DispatchAsync(ShelterFactory app)
    {
        await app.WithServicesAsync(async sp => { await sp.GetRequiredService<ReminderDispatcher>().DispatchAsync(); return 0; });
        await app.DeliverOutboxAsync();
    }

    private IReadOnlyList<string> MailTo(string address) => smtp.Messages().Where(m => m.Contains($"To: {address}")).ToList();

    [Fact]
    public async Task A_follow_up_due_tomorrow_sends_exactly_one_reminder_even_when_the_job_runs_twice_and_it_names_nobody()
    {
        using var app = NewApp();
        app.Clock.SetTo(MondayTen);
        var (residentId, _, _) = await HouseAsync(app);
        await app.CreateUserAsync("cm1@test.shelter", Roles.CaseManager);
        var cm1 = await app.UserIdAsync("cm1@test.shelter");
        await AddFollowUpAsync(app, residentId, cm1, MondayTen.AddDays(1).AddHours(7)); // Tuesday 17:00

        await DispatchAsync(app);
        await DispatchAsync(app);

        await smtp.WaitUntilAsync(all => all.Any(m => m.Contains("To: cm1@test.shelter") && m.Contains("due soon")));
        var mails = MailTo("cm1@test.shelter").Where(m => m.Contains("due soon")).ToList();
        var mail = Assert.Single(mails);
        Assert.Contains("/tasks", mail);
        Assert.DoesNotContain("Canary", mail);
        Assert.DoesNotContain("clinic", mail);
        Assert.Equal(1, await app.WithDbAsync(db => db.SentNotices.CountAsync(n => n.Key.StartsWith("reminder:follow-up:"))));
    }

    [Fact]
    public async Task After_a_restart_the_reminders_scheduled_before_it_still_go_out()
    {
        var folder = ShelterFactory.NewDataFolder();
        using (var before = NewApp(folder))
        {
            before.DeleteDataOnDispose = false;
            before.Clock.SetTo(MondayTen.AddHours(-3)); // Monday 07:00 in Kyiv: before working hours, nothing goes yet
            var (residentId, _, _) = await HouseAsync(before);
            await before.CreateUserAsync("restart@test.shelter", Roles.CaseManager);
            var assignee = await before.UserIdAsync("restart@test.shelter");
            await AddFollowUpAsync(before, residentId, assignee, MondayTen.AddDays(1).AddHours(7));
            await DispatchAsync(before);
            Assert.Empty(MailTo("restart@test.shelter"));
        }

        using var after = NewApp(folder);
        after.Clock.SetTo(MondayTen);
        _ = after.Services; // start: the schedule is rebuilt from the database, and Hangfire runs it

        await smtp.WaitUntilAsync(all => all.Any(m => m.Contains("To: restart@test.shelter")), TimeSpan.FromSeconds(30));
        Assert.Single(MailTo("restart@test.shelter"));
    }

    [Fact]
    public async Task A_reminder_that_falls_at_the_weekend_goes_out_at_the_start_of_monday()
    {
        using var app = NewApp();
        var saturday = MondayTen.AddDays(-2).AddHours(1);
        app.Clock.SetTo(saturday);
        var (residentId, _, _) = await HouseAsync(app);
        await app.CreateUserAsync("weekend@test.shelter", Roles.CaseManager);
        var assignee = await app.UserIdAsync("weekend@test.shelter");
        await AddFollowUpAsync(app, residentId, assignee, MondayTen.AddHours(7)); // due Monday 17:00: its reminder was due Friday

        await DispatchAsync(app);
        Assert.Empty(MailTo("weekend@test.shelter"));
        app.Clock.SetTo(MondayTen.AddHours(-1).AddMinutes(-5)); // Monday 08:55: still before hours
        await DispatchAsync(app);
        Assert.Empty(MailTo("weekend@test.shelter"));

        app.Clock.SetTo(MondayTen.AddHours(-1).AddMinutes(1)); // Monday 09:01
        await DispatchAsync(app);
        await smtp.WaitUntilAsync(all => all.Any(m => m.Contains("To: weekend@test.shelter") && m.Contains("due soon")));
        Assert.Contains(MailTo("weekend@test.shelter"), m => m.Contains("due soon"));
    }

    [Fact]
    public async Task A_counselling_session_that_clashes_with_the_counsellor_the_room_or_the_child_is_refused()
    {
        using var app = NewApp();
        app.Clock.SetTo(MondayTen);
        var (residentId, childId, _) = await HouseAsync(app);
        var sibling = await app.WithDbAsync(async db =>
        {
            var c = new Child { Alias = "Sibling", AgeAtArrival = 6, ArrivedOn = new DateOnly(2026, 11, 27), ResidentId = residentId };
            db.Children.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var sw = await app.SignedInClientAsync("sw@test.shelter");
        var counsellor = await app.UserIdAsync("sw@test.shelter");
        var rooms = await app.WithDbAsync(db => db.CounsellingRooms.ToDictionaryAsync(r => r.Name, r => r.Id));
        Task<HttpResponseMessage> Book(int child, string? counsellorId, string? name, string room, string time) =>
            sw.PostFormAsync($"/children/{child}", $"/children/{child}/sessions",
                [new("CounsellorUserId", counsellorId ?? ""), new("CounsellorName", name ?? ""),
                    new("CounsellingRoomId", rooms[room].ToString()), new("On", "2026-12-01"), new("At", time), new("Minutes", "50")]);

        Assert.Equal(HttpStatusCode.Redirect, (await Book(childId, counsellor, null, "Play room", "11:00")).StatusCode);
        await Book(sibling, counsellor, null, "Office", "11:30");
        Assert.Contains("The counsellor already has a session", await sw.GetStringAsync($"/children/{sibling}"));
        await Book(sibling, null, "Dr. Partner", "Play room", "10:30");
        Assert.Contains("Play room is already booked", await sw.GetStringAsync($"/children/{sibling}"));
        await Book(childId, null, "Dr. Partner", "Office", "11:15");
        Assert.Contains("This child already has a session", await sw.GetStringAsync($"/children/{childId}"));

        Assert.Equal(1, await app.WithDbAsync(db => db.CounsellingSessions.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect,
            (await Book(sibling, counsellor, null, "Play room", "11:50")).StatusCode); // straight after: fine
    }

    [Fact]
    public async Task Social_workers_book_counselling_staff_cannot_and_admins_see_no_follow_ups()
    {
        using var app = NewApp();
        app.Clock.SetTo(MondayTen);
        var (residentId, childId, cm) = await HouseAsync(app);
        await AddFollowUpAsync(app, residentId, cm, MondayTen.AddDays(2));
        var staff = await app.SignedInClientAsync("staff@test.shelter");
        var admin = await app.SignedInClientAsync("admin@test.shelter");
        var sw = await app.SignedInClientAsync("sw@test.shelter");

        var office = (await app.WithDbAsync(db => db.CounsellingRooms.SingleAsync(r => r.Name == "Office"))).Id.ToString();
        var token = HttpClientForms.AntiforgeryToken(await staff.GetStringAsync("/tasks"));
        var staffBooking = await staff.PostAsync($"/children/{childId}/sessions", new FormUrlEncodedContent(
            [new("CounsellorName", "Dr. Partner"), new("CounsellingRoomId", office), new("On", "2026-12-02"), new("At", "10:00"),
                new("Minutes", "50"), new("__RequestVerificationToken", token), new(HttpClientForms.SubmissionKeyField,
                HttpClientForms.NewSubmissionKey())]));
        var swBooking = await sw.PostFormAsync($"/children/{childId}", $"/children/{childId}/sessions",
            [new("CounsellorName", "Dr. Partner"), new("CounsellingRoomId", office), new("On", "2026-12-02"), new("At", "10:00"),
                new("Minutes", "50")]);

        Assert.Equal(HttpStatusCode.Forbidden, staffBooking.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, swBooking.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CounsellingSessions.CountAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/children/{childId}")).StatusCode);
    }

    [Fact]
    public async Task A_service_she_declined_is_recorded_as_her_choice_and_never_shown_as_overdue()
    {
        using var app = NewApp();
        app.Clock.SetTo(MondayTen);
        var (residentId, _, cm) = await HouseAsync(app);
        await AddFollowUpAsync(app, residentId, cm, MondayTen.AddDays(-2)); // overdue
        var id = await app.WithDbAsync(db => db.FollowUps.Select(f => f.Id).SingleAsync());
        var caseManager = await app.SignedInClientAsync("cm@test.shelter");
        Assert.Contains($"/tasks/{id}", ExtractSection(await caseManager.GetStringAsync("/tasks"), "overdue"));

        var declined = await caseManager.PostFormAsync($"/tasks/{id}", $"/tasks/{id}/close", [new("status", "DeclinedByHer")]);

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(FollowUpStatus.DeclinedByHer, await app.WithDbAsync(db => db.FollowUps.Select(f => f.Status).SingleAsync()));
        Assert.DoesNotContain($"/tasks/{id}", await caseManager.GetStringAsync("/tasks"));
        Assert.Contains("Declined by her", await caseManager.GetStringAsync($"/tasks/{id}"));
    }

    private static string ExtractSection(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
