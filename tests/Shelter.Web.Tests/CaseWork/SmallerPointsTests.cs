using System.Net;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Children;
using Shelter.Core.Consents;
using Shelter.Core.Medication;
using Shelter.Core.Partners;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.CaseWork;

/// <summary>The smaller points of issue 13, each as a worker meets it.</summary>
public class SmallerPointsTests : IDisposable
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: false);

    public void Dispose() => _app.Dispose();

    private async Task<(int ResidentId, int ChildId, int SiteId)> HerAsync()
    {
        foreach (var (email, role) in new[] { ("staff@test.shelter", Roles.Staff), ("cm@test.shelter", Roles.CaseManager),
            ("sw@test.shelter", Roles.SocialWorker) })
            await _app.CreateUserAsync(email, role);
        var north = await _app.AddSiteAsync("North", false, ("Family", RoomKind.Family, 3));
        var south = await _app.AddSiteAsync("South", false, ("Family", RoomKind.Family, 3));
        return await _app.WithDbAsync(async db =>
        {
            var r = new Resident
            {
                Alias = "Kateryna", GenderIdentity = "Canary identity", RegisteredAt = DateTime.UtcNow.AddDays(-2),
                ConsentToKeepData = true
            };
            var child = new Child { Alias = "Boy", AgeAtArrival = 8, ArrivedOn = DateOnly.FromDateTime(DateTime.UtcNow) };
            r.Children.Add(child);
            var beds = north.BedIds("Family").ToList();
            db.Stays.Add(new Stay
            {
                Resident = r, BedId = beds[0], AdmittedAt = DateTime.UtcNow.AddDays(-2),
                StartedAt = DateTime.UtcNow.AddDays(-2), PlannedEndAt = DateTime.UtcNow.AddDays(80)
            });
            db.Stays.Add(new Stay
            {
                Resident = r, Child = child, BedId = beds[1], AdmittedAt = DateTime.UtcNow.AddDays(-2),
                StartedAt = DateTime.UtcNow.AddDays(-2), PlannedEndAt = DateTime.UtcNow.AddDays(80)
            });
            db.CounsellingRooms.AddRange(new CounsellingRoom { SiteId = north.Id, Name = "Play room" },
                new CounsellingRoom { SiteId = south.Id, Name = "Play room" });
            await db.SaveChangesAsync();
            return (r.Id, child.Id, north.Id);
        });
    }

    [Fact]
    public async Task Gender_identity_is_shown_only_to_her_case_manager()
    {
        var (id, _, _) = await HerAsync();

        Assert.Contains("Canary identity", await (await _app.SignedInClientAsync("cm@test.shelter")).GetStringAsync($"/residents/{id}"));
        Assert.DoesNotContain("Canary identity",
            await (await _app.SignedInClientAsync("staff@test.shelter")).GetStringAsync($"/residents/{id}"));
        Assert.DoesNotContain("Canary identity",
            await (await _app.SignedInClientAsync("sw@test.shelter")).GetStringAsync($"/residents/{id}"));
    }

    [Fact]
    public async Task Withdrawing_a_consent_asks_first_and_a_refused_referral_keeps_the_partner_chosen()
    {
        var (id, _, _) = await HerAsync();
        var (first, second) = await _app.WithDbAsync(async db =>
        {
            var a = new Partner { Name = "A First Partner", Kind = PartnerKind.LegalAid };
            var b = new Partner { Name = "B Second Partner", Kind = PartnerKind.LegalAid };
            db.Partners.AddRange(a, b);
            await db.SaveChangesAsync();
            db.Consents.Add(new Consent { ResidentId = id, PartnerId = a.Id, Purpose = ConsentPurpose.Legal, GivenAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var cm = await _app.SignedInClientAsync("cm@test.shelter");
        var consentId = await _app.WithDbAsync(db => db.Consents.Select(c => c.Id).SingleAsync());

        var page = await cm.GetStringAsync($"/residents/{id}");
        Assert.Contains("Is this what she wants?", WebUtility.HtmlDecode(page));
        await cm.PostFormAsync($"/residents/{id}", $"/residents/{id}/consents/{consentId}/revoke", []);
        Assert.Null(await _app.WithDbAsync(db => db.Consents.Select(c => c.RevokedAt).SingleAsync()));

        await cm.PostFormAsync($"/residents/{id}", $"/residents/{id}/referrals",
            [new("PartnerId", second.ToString()), new("Purpose", "Medical")]);
        var after = await cm.GetStringAsync($"/residents/{id}");
        Assert.Contains("has not consented to sharing with B Second Partner", WebUtility.HtmlDecode(after));
        Assert.Matches($"id=\"r-partner\"[^>]*>(?:(?!</select>).)*<option value=\"{second}\" selected", after.ReplaceLineEndings(""));
        Assert.Matches("id=\"r-purpose\"[^>]*>(?:(?!</select>).)*<option value=\"Medical\" selected", after.ReplaceLineEndings(""));
        Assert.DoesNotMatch($"id=\"r-partner\"[^>]*>(?:(?!</select>).)*<option value=\"{first}\" selected", after.ReplaceLineEndings(""));
    }

    [Fact]
    public async Task Counselling_rooms_belong_to_her_site_and_a_refused_booking_keeps_what_was_typed()
    {
        var (_, childId, siteId) = await HerAsync();
        var rooms = await _app.WithDbAsync(db => db.CounsellingRooms.ToListAsync());
        var north = rooms.Single(r => r.SiteId == siteId);
        var south = rooms.Single(r => r.SiteId != siteId);
        var sw = await _app.SignedInClientAsync("sw@test.shelter");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd");

        var page = await sw.GetStringAsync($"/children/{childId}");
        Assert.Contains($"<option value=\"{north.Id}\"", page);
        Assert.DoesNotContain($"<option value=\"{south.Id}\"", page);

        await sw.PostFormAsync($"/children/{childId}", $"/children/{childId}/sessions",
            [new("CounsellorName", "Dr. Canary"), new("CounsellingRoomId", south.Id.ToString()), new("On", day), new("At", "10:00"),
                new("Minutes", "45")]);
        var refused = await sw.GetStringAsync($"/children/{childId}");
        Assert.Contains("Choose a counselling room at the site where she stays.", refused);
        Assert.Contains("value=\"Dr. Canary\"", refused);
        Assert.Contains($"value=\"{day}\"", refused);
        Assert.Contains("value=\"45\"", refused);
        Assert.Equal(0, await _app.WithDbAsync(db => db.CounsellingSessions.CountAsync()));

        await sw.PostFormAsync($"/children/{childId}", $"/children/{childId}/sessions",
            [new("CounsellorName", "Dr. Canary"), new("CounsellingRoomId", north.Id.ToString()), new("On", day), new("At", "10:00"),
                new("Minutes", "45")]);
        Assert.Equal(north.Id, await _app.WithDbAsync(db => db.CounsellingSessions.Select(s => s.CounsellingRoomId).SingleAsync()));
    }

    [Fact]
    public async Task Recording_a_pick_up_offers_the_programmes_usual_supply()
    {
        var (id, _, _) = await HerAsync();
        await _app.WithDbAsync(async db =>
        {
            db.MedicationProgrammes.Add(new MedicationProgramme
            {
                ResidentId = id, Kind = MedicationKind.Art,
                Schedule = DispensingSchedule.TakeHome, UsualSupplyDays = 30, RecordedAt = DateTime.UtcNow
            });
            return await db.SaveChangesAsync();
        });
        var cm = await _app.SignedInClientAsync("cm@test.shelter");

        var page = await cm.GetStringAsync($"/medication/residents/{id}");

        Assert.Matches("name=\"DaysSupplied\" value=\"30\"", page);
    }
}
