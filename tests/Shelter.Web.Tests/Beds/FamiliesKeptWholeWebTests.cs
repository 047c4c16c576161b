using System.Net;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Sites;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Beds;

/// <summary>Check-in keeps a family whole: a room too small says so, and rooms side by side need her agreement.</summary>
public class FamiliesKeptWholeWebTests : IDisposable
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: false);

    public void Dispose() => _app.Dispose();

    private async Task<(HttpClient Staff, Site Site)> HouseAsync()
    {
        var site = await _app.WithDbAsync(async db =>
        {
            var s = new Site
            {
                Name = "House", TimeZoneId = "Europe/Kyiv",
                Rooms =
                [
                    new Room { Name = "Small one", Kind = RoomKind.Single, FamilyUnit = "Unit A", Beds = [new Bed { Label = "S1-1" }] },
                    new Room { Name = "Small two", Kind = RoomKind.Single, FamilyUnit = "Unit A",
                        Beds = [new Bed { Label = "S2-1" }, new Bed { Label = "S2-2" }] },
                ],
            };
            db.Sites.Add(s);
            await db.SaveChangesAsync();
            db.StaffSites.AddRange(_app.WorksEverywhere.Select(id => new StaffSite { UserId = id, SiteId = s.Id }));
            await db.SaveChangesAsync();
            return s;
        });
        await _app.CreateUserAsync("staff@test.shelter", Roles.Staff);
        return (await _app.SignedInClientAsync("staff@test.shelter"), site);
    }

    [Fact]
    public async Task Choosing_a_room_too_small_for_her_family_says_exactly_that_and_keeps_what_was_typed()
    {
        var (staff, site) = await HouseAsync();
        var small = site.BedIds("Small one").Single();

        var response = await staff.PostFormAsync("/stays/check-in", "/stays/check-in",
            [new("Alias", "Mother Of Two"), new("ChildAges", "4, 9"), new("BedId", small.ToString()),
                new("OverrideReason", "near the kitchen"), new("intent", "checkin")]);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Small one is too small for her and her 2 children: it has 1 free bed, she needs 3.", page);
        Assert.DoesNotContain("That bed is no longer free", page);
        Assert.Contains("value=\"Mother Of Two\"", page);
        Assert.Matches($"<option value=\"{small}\" selected", page);
    }

    [Fact]
    public async Task With_her_agreement_her_family_is_housed_in_rooms_side_by_side_and_her_choice_is_recorded()
    {
        var (staff, _) = await HouseAsync();

        var refused = await staff.PostFormAsync("/stays/check-in", "/stays/check-in",
            [new("Alias", "Olena"), new("ChildAges", "14, 9"), new("SonsAges", "14"), new("intent", "checkin")]);
        Assert.Contains("could keep her family together, if she agrees", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var response = await staff.PostFormAsync("/stays/check-in", "/stays/check-in",
            [new("Alias", "Olena"), new("ChildAges", "14, 9"), new("SonsAges", "14"), new("AgreesToAdjacentRooms", "true"),
                new("intent", "checkin")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stays = await _app.WithDbAsync(db => db.Stays.Include(s => s.Bed).ThenInclude(b => b.Room).Where(s => s.EndedAt == null)
            .ToListAsync());
        Assert.Equal(3, stays.Count);
        Assert.Equal(2, stays.Select(s => s.Bed.RoomId).Distinct().Count());
        Assert.True(stays.Single(s => s.ChildId == null).HouseholdAcrossRoomsByHerChoice);
        Assert.Contains("her choice", await staff.GetStringAsync(response.Headers.Location!.ToString()));
        var children = await _app.WithDbAsync(db => db.Children.OrderBy(c => c.AgeAtArrival).Select(c => c.Sex).ToListAsync());
        Assert.Equal([Shelter.Core.Residents.ChildSex.Girl, Shelter.Core.Residents.ChildSex.Boy], children);
    }
}
