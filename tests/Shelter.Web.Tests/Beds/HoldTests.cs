using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Core.Sites;
using Shelter.Web.Features.Beds;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Beds;

public class HoldTests
{
    private static async Task<(ShelterFactory App, HttpClient Staff, int BedId)> HouseWithOneBedAsync(string folder)
    {
        var app = new ShelterFactory(folder, demo: false) { DeleteDataOnDispose = false };
        var site = await app.AddSiteAsync("Shelter", false, ("Single", RoomKind.Single, 1));
        await app.CreateUserAsync("staff@test.shelter", Roles.Staff);
        return (app, await app.SignedInClientAsync("staff@test.shelter"), site.BedIds("Single").Single());
    }

    [Fact]
    public async Task A_held_bed_is_not_suggested_and_is_released_by_the_job_when_its_time_runs_out()
    {
        var (app, staff, bedId) = await HouseWithOneBedAsync(ShelterFactory.NewDataFolder());
        using var _ = app;

        var held = await staff.PostFormAsync("/beds", $"/beds/{bedId}/hold", [new("Hours", "4"), new("ComingThrough", "Police")]);
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        var board = await staff.GetStringAsync("/beds");
        Assert.Contains($"data-bed=\"{bedId}\" data-state=\"Held\"", board);
        var checkIn = await staff.PostFormAsync("/stays/check-in", "/stays/check-in", [new("Alias", "Walk-in"), new("intent", "checkin")]);
        Assert.Contains("No bed is free tonight.", await checkIn.Content.ReadAsStringAsync());
        var scheduled = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledCount();
        Assert.Equal(1, scheduled);

        // Too early: the job leaves the hold alone. Four hours later it frees the bed.
        var holdId = await app.WithDbAsync(db => db.BedHolds.Select(h => h.Id).SingleAsync());
        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<BedHoldReleaser>()
            .ReleaseIfExpiredAsync(holdId); return 0;
        });
        Assert.Null(await app.WithDbAsync(db => db.BedHolds.Select(h => h.ReleasedAt).SingleAsync()));
        app.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<BedHoldReleaser>()
            .ReleaseIfExpiredAsync(holdId); return 0;
        });
        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<BedHoldReleaser>()
            .ReleaseIfExpiredAsync(holdId); return 0;
        }); // a second run changes nothing

        var hold = await app.WithDbAsync(db => db.BedHolds.SingleAsync());
        Assert.Equal(HoldRelease.Expired, hold.Release);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == "BedHold" && e.Action == "Changed")));
    }

    [Fact]
    public async Task The_one_hold_form_on_the_board_holds_the_bed_chosen_in_it()
    {
        var (app, staff, bedId) = await HouseWithOneBedAsync(ShelterFactory.NewDataFolder());
        using var _ = app;

        var board = await staff.GetStringAsync($"/beds?hold={bedId}");
        Assert.Contains($"<option value=\"{bedId}\" selected=\"selected\">", board);
        var held = await staff.PostFormAsync("/beds", "/beds/hold",
            [new("bedId", $"{bedId}"), new("Hours", "4"), new("ComingThrough", "Police"), new("site", "all")]);

        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.Equal("/beds?site=all", held.Headers.Location?.OriginalString); // back to the sites she was looking at
        Assert.Contains($"data-bed=\"{bedId}\" data-state=\"Held\"", await staff.GetStringAsync("/beds"));

        var holdId = await app.WithDbAsync(db => db.BedHolds.Where(h => h.BedId == bedId).Select(h => h.Id).SingleAsync());
        var released = await staff.PostFormAsync("/beds?site=all", $"/beds/holds/{holdId}/release", [new("site", "//elsewhere.example")]);
        Assert.Equal("/beds", released.Headers.Location?.OriginalString); // a site that is no site: her own board, never elsewhere
    }

    [Fact]
    public async Task When_the_expected_woman_arrives_she_gets_the_held_bed()
    {
        var (app, staff, bedId) = await HouseWithOneBedAsync(ShelterFactory.NewDataFolder());
        using var _ = app;
        await staff.PostFormAsync("/beds", $"/beds/{bedId}/hold", [new("Hours", "2"), new("ComingThrough", "HelpLine")]);

        var checkIn = await staff.PostFormAsync($"/stays/check-in?bedId={bedId}", "/stays/check-in",
            [new("Alias", "Expected"), new("BedId", bedId.ToString()), new("OverrideReason", "She is the one we held it for"),
                new("intent", "checkin")]);

        Assert.Equal(HttpStatusCode.Redirect, checkIn.StatusCode);
        Assert.Equal(HoldRelease.Arrived, await app.WithDbAsync(db => db.BedHolds.Select(h => h.Release).SingleAsync()));
    }

    [Fact]
    public async Task After_a_restart_open_holds_are_scheduled_again_from_the_database()
    {
        var folder = ShelterFactory.NewDataFolder();
        var (app, staff, bedId) = await HouseWithOneBedAsync(folder);
        using (app)
            await staff.PostFormAsync("/beds", $"/beds/{bedId}/hold", [new("Hours", "4"), new("ComingThrough", "Police")]);

        using var restarted = new ShelterFactory(folder, demo: false);
        var storage = restarted.Services.GetRequiredService<JobStorage>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (storage.GetMonitoringApi().ScheduledCount() == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.Equal(1, storage.GetMonitoringApi().ScheduledCount());
        using var connection = storage.GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == BedHoldReleaser.SweepJobId);
    }

    [Fact]
    public async Task A_hold_needs_a_sensible_number_of_hours()
    {
        var (app, staff, bedId) = await HouseWithOneBedAsync(ShelterFactory.NewDataFolder());
        using var _ = app;

        var response = await staff.PostFormAsync("/beds", $"/beds/{bedId}/hold", [new("Hours", "500"), new("ComingThrough", "Police")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Hold a bed for 1 to 48 hours.", await staff.GetStringAsync("/beds"));
        Assert.Equal(0, await app.WithDbAsync(db => db.BedHolds.CountAsync()));
    }
}
