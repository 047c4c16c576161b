using System.Net;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Partners;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Intake;

/// <summary>The partner directory: case managers and managers keep it; everyone who refers reads it.</summary>
public class PartnerTests : IDisposable
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: false);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_case_manager_adds_a_partner_then_opens_and_changes_what_it_accepts()
    {
        await _app.CreateUserAsync("cm@test.shelter", Roles.CaseManager);
        var cm = await _app.SignedInClientAsync("cm@test.shelter");

        var added = await cm.PostFormAsync("/partners/new", "/partners/new",
            [new("Name", "Harbour Crisis Centre"), new("Kind", "CrisisCentre"), new("Phone", "+380 44 000 0000"),
                new("AcceptsChildren", "Yes"), new("Active", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await _app.WithDbAsync(db => db.Partners.Where(p => p.Name == "Harbour Crisis Centre").Select(p => p.Id).SingleAsync());

        // The edit page answered 500 on SQLite until the wapiti scan found it.
        var edit = await cm.GetAsync($"/partners/{id}");
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("Harbour Crisis Centre", await edit.Content.ReadAsStringAsync());

        var changed = await cm.PostFormAsync($"/partners/{id}", $"/partners/{id}",
            [new("Name", "Harbour Crisis Centre"), new("Kind", "CrisisCentre"), new("AcceptsChildren", "Yes"), new("BoysUpToAge", "12"),
             new("AcceptsDrugUse", "Yes"), new("AcceptsOst", "No"), new("AcceptanceConfirmedOn", "2026-01-15"), new("Active", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var saved = await _app.WithDbAsync(db => db.Partners.SingleAsync(p => p.Id == id));
        Assert.Equal((Acceptance.Yes, Acceptance.Yes, Acceptance.No, Acceptance.NotKnown, 12, new DateOnly(2026, 1, 15)),
            (saved.AcceptsChildren, saved.AcceptsDrugUse, saved.AcceptsOst, saved.AcceptsArt, saved.BoysUpToAge,
                saved.AcceptanceConfirmedOn));
        var form = await cm.GetStringAsync($"/partners/{id}");
        Assert.Matches("id=\"AcceptsOst\"[^>]*>(?:(?!</select>).)*<option value=\"No\" selected", form.ReplaceLineEndings(""));
    }

    [Fact]
    public async Task Staff_read_the_directory_but_cannot_change_it()
    {
        await _app.CreateUserAsync("staff@test.shelter", Roles.Staff);
        var id = await _app.WithDbAsync(async db =>
        {
            var partner = new Partner { Name = "Legal Aid", Kind = PartnerKind.LegalAid };
            db.Partners.Add(partner);
            await db.SaveChangesAsync();
            return partner.Id;
        });
        var staff = await _app.SignedInClientAsync("staff@test.shelter");

        Assert.Contains("Legal Aid", await staff.GetStringAsync("/partners"));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/partners/{id}")).StatusCode);
    }
}
