using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Sites;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Integrity;

/// <summary>Every read and every change of a resident's record leaves an audit row, by construction rather than by remembering.</summary>
public class AuditByConstructionTests : IDisposable
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: false);

    public void Dispose() => _app.Dispose();

    private static readonly string[] RecordIdNames = ["id", "residentId", "stayId", "childId", "programmeId", "followUpId", "intakeId",
        "sessionId", "documentId"];

    private static IEnumerable<MethodInfo> Actions() =>
        typeof(Program).Assembly.GetTypes().Where(t => typeof(Controller).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly));

    [Fact]
    public void Every_page_declares_what_it_audits_or_that_it_shows_no_resident_data()
    {
        var undeclared = Actions()
            .Where(m => m.GetCustomAttributes<HttpMethodAttribute>().Any(a => a.HttpMethods.Contains("GET")))
            .Where(m => !m.GetCustomAttributes<ReachesAttribute>().Any(r => AuditReadsFilter.EntityOf(r.Record) is not null)
                && !m.GetCustomAttributes<AuditsViewAttribute>().Any()
                && m.GetCustomAttribute<ShowsNoResidentDataAttribute>() is null
                && m.DeclaringType!.GetCustomAttribute<ShowsNoResidentDataAttribute>() is null)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Every_action_that_takes_a_residents_record_id_checks_it_and_so_audits_its_reads()
    {
        var unchecked_ = Actions()
            .Where(m => m.DeclaringType!.GetCustomAttribute<ShowsNoResidentDataAttribute>() is null)
            .SelectMany(m => m.GetParameters().Where(p => RecordIdNames.Contains(p.Name) && p.ParameterType == typeof(int))
                .Where(p => !m.GetCustomAttributes<ReachesAttribute>().Any(r => r.Argument == p.Name)
                    && !m.GetCustomAttributes<AuditsViewAttribute>()
                        .Any(v => v.Argument == p.Name)) // a record of the site's, audited as such
                .Select(p => $"{m.DeclaringType!.Name}.{m.Name}({p.Name})"))
            .ToList();
        Assert.Empty(unchecked_);
    }

    [Fact]
    public async Task The_move_terms_and_check_out_pages_the_worklist_and_the_waiting_list_are_audited()
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        await _app.CreateUserAsync("cm@test.shelter", Roles.CaseManager);
        var caseManager = await _app.SignedInClientAsync("cm@test.shelter");
        var checkIn = await caseManager.PostFormAsync("/stays/check-in", "/stays/check-in",
            [new("Alias", "Audited"), new("intent", "checkin")]);
        var stayId = checkIn.Headers.Location!.ToString().Split('/').Last();
        var residentId = await _app.WithDbAsync(db => db.Stays.Where(s => s.Id == int.Parse(stayId)).Select(s => s.ResidentId)
            .SingleAsync());

        foreach (var page in new[] { $"/stays/{stayId}/move", $"/stays/{stayId}/terms", $"/stays/{stayId}/check-out", "/tasks",
            "/intake/waiting", $"/tasks/new?residentId={residentId}" })
            Assert.Equal(HttpStatusCode.OK, (await caseManager.GetAsync(page)).StatusCode);

        var viewed = await _app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "Viewed")
            .Select(e => e.EntityType + ":" + e.EntityId).ToListAsync());
        Assert.Equal(3, viewed.Count(v => v == $"Stay:{stayId}"));
        Assert.Contains("Worklist:list", viewed);
        Assert.Contains("WaitingList:list", viewed);
        Assert.Contains($"Resident:{residentId}", viewed);
    }

    [Fact]
    public async Task A_change_is_recorded_with_who_which_record_and_which_fields_but_never_their_values()
    {
        await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        await _app.CreateUserAsync("cm@test.shelter", Roles.CaseManager);
        var caseManager = await _app.SignedInClientAsync("cm@test.shelter");
        var checkIn = await caseManager.PostFormAsync("/stays/check-in", "/stays/check-in",
            [new("Alias", "Changed"), new("intent", "checkin")]);
        var stayId = int.Parse(checkIn.Headers.Location!.ToString().Split('/').Last());
        var residentId = await _app.WithDbAsync(db => db.Stays.Where(s => s.Id == stayId).Select(s => s.ResidentId).SingleAsync());
        await caseManager.PostFormAsync($"/medication/residents/{residentId}", $"/medication/residents/{residentId}",
            [new("Kind", "Ost"), new("Medicine", "Methadone"), new("Dose", "60 mg"), new("Schedule", "TakeHome")]);
        var programmeId = await _app.WithDbAsync(db => db.MedicationProgrammes.Where(m => m.ResidentId == residentId).Select(m => m.Id)
            .SingleAsync());

        var edited = await caseManager.PostFormAsync($"/medication/{programmeId}", $"/medication/{programmeId}",
            [new("Kind", "Ost"), new("Medicine", "Methadone"), new("Dose", "Canary-dose 80 mg"), new("Schedule", "TakeHome")]);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var userId = await _app.UserIdAsync("cm@test.shelter");
        var change = await _app.WithDbAsync(db =>
            db.AuditEvents.Where(e => e.EntityType == "MedicationProgramme" && e.EntityId == programmeId.ToString()
            && e.Action == "Changed").SingleAsync());
        Assert.Equal(userId, change.UserId);
        Assert.Contains("Dose", change.Details);
        Assert.DoesNotContain("Medicine", change.Details); // unchanged fields are not named
        var everything = await _app.WithDbAsync(db => db.AuditEvents.Select(e => e.Details ?? "").ToListAsync());
        Assert.DoesNotContain(everything, d => d.Contains("Canary") || d.Contains("Methadone"));
    }

    [Fact]
    public async Task An_administrators_change_to_roles_and_sites_records_them_before_and_after()
    {
        var site = await _app.AddSiteAsync("Shelter", false, ("Shared", RoomKind.Shared, 4));
        await _app.CreateUserAsync("admin@test.shelter", Roles.Admin);
        await _app.CreateUserAsync("worker@test.shelter", Roles.Staff, sites: []);
        var admin = await _app.SignedInClientAsync("admin@test.shelter");
        var workerId = await _app.UserIdAsync("worker@test.shelter");

        var response = await admin.PostFormAsync($"/admin/users/{workerId}", $"/admin/users/{workerId}",
            [new("DisplayName", "Worker"), new("Roles", Roles.Staff), new("Roles", Roles.CaseManager), new("Sites", site.Id.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await _app.WithDbAsync(db =>
            db.AuditEvents.Where(e => e.EntityType == "Account" && e.EntityId == workerId && e.Action == "Changed")
            .Select(e => e.Details).ToListAsync());
        Assert.Contains(details,
            d => d != null && d.Contains("roles: Staff → CaseManager, Staff") && d.Contains($"sites: (none) → {site.Id}"));
    }
}
