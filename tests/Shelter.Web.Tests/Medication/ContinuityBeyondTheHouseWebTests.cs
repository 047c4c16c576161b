using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Core.FollowUps;
using Shelter.Core.Medication;
using Shelter.Core.Partners;
using Shelter.Core.Sites;
using Shelter.Web.Features.Medication;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Medication;

/// <summary>Care does not stop at the door: a woman still waiting is checked, followed up and counted like one in the house.</summary>
public class ContinuityBeyondTheHouseWebTests : IDisposable
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: false);

    public void Dispose() => _app.Dispose();

    private Task SweepAsync() =>
        _app.WithServicesAsync(async sp => { await sp.GetRequiredService<ContinuitySweep>().SweepAsync(); return 0; });

    [Fact]
    public async Task A_woman_on_the_waiting_list_running_out_of_ART_gets_a_follow_up_and_counts_on_the_dashboard()
    {
        await _app.AddSiteAsync("Full", false, ("Single", RoomKind.Single, 0));
        await _app.CreateUserAsync("staff@test.shelter", Roles.Staff);
        await _app.CreateUserAsync("cm@test.shelter", Roles.CaseManager);
        var staff = await _app.SignedInClientAsync("staff@test.shelter");
        var today = SiteTime.Today("Europe/Kyiv", DateTime.UtcNow);
        var response = await staff.PostFormAsync("/intake/new", "/intake/new",
        [
            new("Route", "Self"), new("Alias", "Waiting On ART"), new("TakesArt", "Yes"), new("HasEnoughMedication", "No"),
            new("MedicationUntil", today.AddDays(1).ToString("yyyy-MM-dd")), new("ConsentToKeepData", "true"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var residentId = await _app.WithDbAsync(db => db.Residents.Where(r => r.Alias == "Waiting On ART").Select(r => r.Id).SingleAsync());

        await SweepAsync();

        var followUp = await _app.WithDbAsync(db => db.FollowUps.SingleAsync(f => f.Kind == FollowUpKind.MedicationContinuity));
        Assert.Equal(residentId, followUp.ResidentId);
        var cm = await _app.SignedInClientAsync("cm@test.shelter");
        Assert.Contains("1 resident&#x27;s medication needs attention.", await cm.GetStringAsync("/"));
        var page = await cm.GetStringAsync("/medication");
        Assert.Contains("on the waiting list", page);
        Assert.Contains("At risk", page);
        Assert.DoesNotContain(">AtRisk<", await cm.GetStringAsync($"/medication/residents/{residentId}"));
    }

    [Fact]
    public async Task A_closure_recorded_for_next_week_makes_a_daily_dosing_resident_at_risk_today_and_opens_her_follow_up()
    {
        var site = await _app.AddSiteAsync("House", false, ("Shared", RoomKind.Shared, 2));
        await _app.CreateUserAsync("cm@test.shelter", Roles.CaseManager);
        var today = SiteTime.Today("Europe/Kyiv", DateTime.UtcNow);
        var residentId = await _app.WithDbAsync(async db =>
        {
            var ostSite = new Partner { Name = "OST site", Kind = PartnerKind.HarmReduction };
            var r = new Shelter.Core.Residents.Resident
            {
                Alias = "Daily Dosing", RegisteredAt = DateTime.UtcNow.AddDays(-3),
                ConsentToKeepData = true
            };
            db.Stays.Add(new Shelter.Core.Stays.Stay
            {
                Resident = r, BedId = site.BedIds("Shared").First(),
                AdmittedAt = DateTime.UtcNow.AddDays(-3), StartedAt = DateTime.UtcNow.AddDays(-3),
                PlannedEndAt = DateTime.UtcNow.AddDays(60)
            });
            await db.SaveChangesAsync();
            db.Partners.Add(ostSite);
            await db.SaveChangesAsync();
            db.MedicationProgrammes.Add(new MedicationProgramme
            {
                ResidentId = r.Id, Kind = MedicationKind.Ost, Schedule = DispensingSchedule.SupervisedDaily, DispensingSiteId = ostSite.Id,
                LastDispensedOn = today, NextPickupOn = today.AddDays(1), RecordedAt = DateTime.UtcNow,
            });
            db.DispensingSiteClosures.Add(new DispensingSiteClosure
            {
                PartnerId = ostSite.Id, From = today.AddDays(5),
                To = today.AddDays(8), Reason = ClosureReason.Lockdown, RecordedAt = DateTime.UtcNow
            });
            await db.SaveChangesAsync();
            return r.Id;
        });

        await SweepAsync();

        Assert.Equal(residentId,
            await _app.WithDbAsync(db => db.FollowUps.Where(f => f.Kind == FollowUpKind.MedicationContinuity).Select(f => f.ResidentId)
            .SingleAsync()));
        var cm = await _app.SignedInClientAsync("cm@test.shelter");
        var page = System.Net.WebUtility.HtmlDecode(await cm.GetStringAsync($"/medication/residents/{residentId}"));
        Assert.Contains("At risk", page);
        Assert.Contains($"It bites on {today.AddDays(5):ddd dd MMM}", page);
    }
}
