using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Data;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;

namespace Shelter.Web.Infrastructure.Demo;

/// <summary>
/// Fills an empty database with a small, believable network: a shelter at a confidential
/// address and a harm-reduction centre with two safe rooms. Bogus with a fixed seed, so
/// every demo looks the same; dates are relative to today so the house is "now".
/// Runs only with SHELTER_DEMO=1 and only once.
/// </summary>
public sealed class DemoSeeder(ShelterDbContext db, UserManager<ShelterUser> users, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public const string DemoPassword = "Shelter-demo-2026";
    public const int Seed = 2021;

    public static readonly IReadOnlyList<(string Email, string Role)> DemoAccounts =
    [
        ("staff@demo.shelter", Roles.Staff),
        ("casemanager@demo.shelter", Roles.CaseManager),
        ("socialworker@demo.shelter", Roles.SocialWorker),
        ("manager@demo.shelter", Roles.Manager),
        ("admin@demo.shelter", Roles.Admin),
    ];

    public static bool IsDemoMode(IConfiguration config) =>
        config["SHELTER_DEMO"] is "1" or "true" or "True";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await SeedAccountsAsync();
        if (await db.Sites.AnyAsync(ct)) return;

        log.LogInformation("Seeding demo data");
        var faker = new Faker("en") { Random = new Randomizer(Seed) };
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);

        var shelter = new Site
        {
            Name = "Safe House North",
            IsAddressConfidential = true,
            Address = "Confidential: given to residents on arrival",
            Rooms =
            [
                Room("Family room A", RoomKind.Family, 4),
                Room("Family room B", RoomKind.Family, 4),
                Room("Family room C", RoomKind.Family, 3),
                Room("Shared room 1", RoomKind.Shared, 4),
                Room("Shared room 2", RoomKind.Shared, 4),
                Room("Shared room 3", RoomKind.Shared, 4),
                Room("Single 1", RoomKind.Single, 1),
                Room("Single 2", RoomKind.Single, 1),
                Room("Single 3", RoomKind.Single, 1),
                Room("Accessible room", RoomKind.Accessible, 2),
            ],
        };
        var centre = new Site
        {
            Name = "Harm Reduction Centre",
            IsAddressConfidential = false,
            Address = "12 Market Street",
            Rooms =
            [
                Room("Safe room 1", RoomKind.SafeRoom, 2),
                Room("Safe room 2", RoomKind.SafeRoom, 2),
                Room("Shared room", RoomKind.Shared, 4),
                Room("Single", RoomKind.Single, 1),
            ],
        };
        db.Sites.AddRange(shelter, centre);
        await db.SaveChangesAsync(ct);

        // Twenty women in the house tonight; four arrived with children.
        var familyBeds = new Queue<Bed>(shelter.Rooms.Where(r => r.Kind == RoomKind.Family).SelectMany(r => r.Beds));
        var otherBeds = new Queue<Bed>(shelter.Rooms.Concat(centre.Rooms)
            .Where(r => r.Kind is RoomKind.Shared or RoomKind.Single or RoomKind.Accessible)
            .SelectMany(r => r.Beds));
        var safeRoomBeds = new Queue<Bed>(centre.Rooms.Where(r => r.Kind == RoomKind.SafeRoom).SelectMany(r => r.Beds));

        for (var i = 0; i < 20; i++)
        {
            var arrived = now.AddDays(-faker.Random.Int(1, 80)).AddHours(-faker.Random.Int(0, 12));
            var resident = new Resident
            {
                Alias = $"{faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female)} {faker.Random.Char('A', 'Z')}.",
                ConsentToKeepData = true,
                RegisteredAt = arrived,
                Languages = faker.PickRandom("Ukrainian", "Russian", "Ukrainian, Russian", "Romani, Russian", "Russian, English"),
            };
            var childCount = i switch { 0 => 1, 3 => 2, 7 => 1, 12 => 1, _ => 0 };
            for (var c = 0; c < childCount; c++)
                resident.Children.Add(new Child
                {
                    Alias = faker.Name.FirstName(faker.PickRandom<Bogus.DataSets.Name.Gender>()),
                    AgeAtArrival = faker.Random.Int(1, 15),
                    ArrivedOn = DateOnly.FromDateTime(arrived),
                });
            db.Residents.Add(resident);

            // The first woman came with her daughter at high risk: the safe room, as in the Rosa example.
            var queue = i == 0 ? safeRoomBeds : childCount > 0 ? familyBeds : otherBeds;
            db.Stays.Add(new Stay { Resident = resident, BedId = queue.Dequeue().Id, StartedAt = arrived });
            foreach (var child in resident.Children)
                db.Stays.Add(new Stay { Resident = resident, Child = child, BedId = queue.Dequeue().Id, StartedAt = arrived });
        }
        await db.SaveChangesAsync(ct);
        log.LogInformation("Demo data seeded for {Today}", today);
    }

    private static Room Room(string name, RoomKind kind, int beds) => new()
    {
        Name = name,
        Kind = kind,
        Beds = Enumerable.Range(1, beds).Select(n => new Bed { Label = $"{name[..1]}{name[^1]}-{n}" }).ToList(),
    };

    private async Task SeedAccountsAsync()
    {
        foreach (var (email, role) in DemoAccounts)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new ShelterUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Demo {Roles.Describe(role).ToLowerInvariant()}" };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
    }
}
