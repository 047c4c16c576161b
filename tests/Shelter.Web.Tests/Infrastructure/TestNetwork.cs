using Shelter.Core.Sites;

namespace Shelter.Web.Tests.Infrastructure;

/// <summary>Sites, rooms and beds written straight to the database, for tests that start without demo data.</summary>
public static class TestNetwork
{
    public static Task<Site> AddSiteAsync(this ShelterFactory app, string name, bool confidential,
        params (string Room, RoomKind Kind, int Beds)[] rooms) =>
        app.AddSiteInAsync(name, confidential, Site.DefaultTimeZoneId, rooms);

    /// <summary>A site in a time zone of its own (an IANA name such as Asia/Almaty).</summary>
    public static async Task<Site> AddSiteInAsync(this ShelterFactory app, string name, bool confidential, string timeZoneId,
        params (string Room, RoomKind Kind, int Beds)[] rooms) =>
        await app.WithDbAsync(async db =>
        {
            var site = new Site
            {
                Name = name,
                IsAddressConfidential = confidential,
                TimeZoneId = timeZoneId,
                Rooms = rooms.Select(r => new Room
                {
                    Name = r.Room, Kind = r.Kind,
                    Beds = Enumerable.Range(1, r.Beds).Select(n => new Bed { Label = $"{r.Room[..1]}-{n}" }).ToList(),
                }).ToList(),
            };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            db.StaffSites.AddRange(app.WorksEverywhere.Select(id => new Shelter.Core.Accounts.StaffSite { UserId = id, SiteId = site.Id }));
            await db.SaveChangesAsync();
            return site;
        });

    public static IEnumerable<int> BedIds(this Site site, string room) => site.Rooms.Single(r => r.Name == room).Beds.Select(b => b.Id);
}
