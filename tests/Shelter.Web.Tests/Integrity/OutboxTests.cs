using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Core.FollowUps;
using Shelter.Core.Integrity;
using Shelter.Core.Sites;
using Shelter.Web.Infrastructure.Email;
using Shelter.Web.Infrastructure.Integrity;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Integrity;

/// <summary>Work that follows a change runs after the change committed, and nothing is lost to a failed send or a restart.</summary>
public class OutboxTests(SmtpSink smtp) : IClassFixture<SmtpSink>
{
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now: every send is refused
        return port;
    }

    private static ShelterFactory App(string folder, int smtpPort) => new(folder, demo: false, new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtpPort.ToString(), ["Smtp:Security"] = "None",
        ["Smtp:From"] = "shelter@test.shelter",
    });

    [Fact]
    public async Task WriteIntegrity_an_email_the_server_refused_stays_unsent_and_goes_out_after_a_restart_once_the_server_is_back()
    {
        var folder = ShelterFactory.NewDataFolder();
        var start = DateTimeOffset.Parse("2026-11-24T08:00:00Z");
        using (var down = App(folder, ClosedPort()))
        {
            down.DeleteDataOnDispose = false;
            down.Clock.SetTo(start.UtcDateTime);
            await down.WithServicesAsync(async sp =>
                await Notices.QueueOnceAsync(sp.GetRequiredService<Shelter.Core.Data.ShelterDbContext>(),
                sp.GetRequiredService<Outbox>(), down.Clock, "test:refused-once",
                    [new Shelter.Core.Accounts.ShelterUser { Email = "night@test.shelter" }],
                    () => ("A test notice", "Counts and a link only.")));

            // Delivery fails, here or in the job the commit nudged (whichever claims the message first).
            try
            {
                await down.WithServicesAsync(async sp =>
                {
                    await sp.GetRequiredService<OutboxDelivery>()
                .DeliverDueAsync(); return 0;
                });
            }
            catch (OutboxDeliveryFailedException) { }
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await down.WithDbAsync(db => db.Outbox.Where(m => m.To == "night@test.shelter").Select(m => m.Attempts)
                .SingleAsync()) == 0 && DateTime.UtcNow < deadline)
                await Task.Delay(100);

            var message = await down.WithDbAsync(db => db.Outbox.SingleAsync(m => m.To == "night@test.shelter"));
            Assert.Null(message.DoneAt);                         // not marked sent
            Assert.True(message.Attempts >= 1);
            Assert.True(message.NextAttemptAt > start.UtcDateTime); // waits before the next try
            Assert.NotNull(message.LastError);
            Assert.True(await down.WithDbAsync(db => db.SentNotices.AnyAsync(n => n.Key == "test:refused-once"))); // decided once
        }

        using var up = App(folder, smtp.Port);
        up.Clock.SetTo(start.UtcDateTime.AddMinutes(10));
        _ = up.Services; // start-up drains the outbox

        var sent = DateTime.UtcNow.AddSeconds(30);
        while (!smtp.Messages().Any(m => m.Contains("To: night@test.shelter")) && DateTime.UtcNow < sent) await Task.Delay(100);
        Assert.Single(smtp.Messages(), m => m.Contains("To: night@test.shelter"));
        await up.DeliverOutboxAsync();
        Assert.NotNull((await up.WithDbAsync(db => db.Outbox.SingleAsync(m => m.To == "night@test.shelter"))).DoneAt);
    }

    [Fact]
    public async Task WriteIntegrity_a_continuity_check_left_in_the_outbox_by_a_crash_runs_at_the_next_start()
    {
        var folder = ShelterFactory.NewDataFolder();
        int residentId;
        using (var before = App(folder, smtp.Port))
        {
            before.DeleteDataOnDispose = false;
            await before.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
            await before.CreateUserAsync("cm@test.shelter", Roles.CaseManager);
            var caseManager = await before.SignedInClientAsync("cm@test.shelter");
            await caseManager.PostFormAsync("/stays/check-in", "/stays/check-in", [new("Alias", "Crash"), new("intent", "checkin")]);
            residentId = await before.WithDbAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
            await before.DeliverOutboxAsync();
            // Her programme (no supply recorded: at risk) and its check, as if the process died right after the commit.
            await before.WithDbAsync(async db =>
            {
                db.MedicationProgrammes.Add(new Shelter.Core.Medication.MedicationProgramme
                {
                    ResidentId = residentId,
                    Kind = Shelter.Core.Medication.MedicationKind.Art, RecordedAt = DateTime.UtcNow
                });
                db.Outbox.Add(new OutboxMessage
                {
                    Kind = OutboxKind.ContinuityCheck, SubjectId = residentId,
                    CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow.AddYears(-1)
                });
                return await db.SaveChangesAsync();
            });
        }

        using var after = App(folder, smtp.Port);
        _ = after.Services;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        bool Opened() =>
            after.WithDbAsync(db =>
            db.FollowUps.AnyAsync(f => f.ResidentId == residentId && f.Kind == FollowUpKind.MedicationContinuity)).GetAwaiter().GetResult();
        while (!Opened() && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(Opened());
    }

    [Fact]
    public async Task WriteIntegrity_a_refused_change_leaves_nothing_in_the_outbox()
    {
        using var app = App(ShelterFactory.NewDataFolder(), smtp.Port);
        await app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 1));
        await app.CreateUserAsync("staff@test.shelter", Roles.Staff);
        var staff = await app.SignedInClientAsync("staff@test.shelter");
        await staff.PostFormAsync("/stays/check-in", "/stays/check-in", [new("Alias", "First"), new("intent", "checkin")]);
        await app.DeliverOutboxAsync();
        var before = await app.WithDbAsync(db => db.Outbox.CountAsync());

        var refused = await staff.PostFormAsync("/stays/check-in", "/stays/check-in", [new("Alias", "Second"), new("intent", "checkin")]);

        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode); // no bed left: she is pointed elsewhere
        Assert.Equal(before, await app.WithDbAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Residents.CountAsync()));
    }
}
