using System.Diagnostics;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Core.Intake;
using Shelter.Web.Features.Sites;
using Shelter.Web.Housing;

namespace Shelter.Web.Infrastructure.Demo;

/// <summary>
/// A national network for benchmarks and demos: 10 sites, 300 beds and five years of stays,
/// with the house about 85% full tonight. Fixed seed; refuses a database that has sites.
/// Prints its progress, since it takes a while.
/// </summary>
public sealed class LargeSeeder(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int Sites = 10;
    public const int BedsPerSite = 30;
    public const int Years = 5;

    /// <param name="years">Five for benchmarks; fewer where the same data is built twice (the provider comparison test).</param>
    public async Task<int> SeedAsync(TextWriter progress, int years = Years, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShelterDbContext>();
            scope.ServiceProvider.GetRequiredService<Audit.ChangeAudit>().Off = true; // invented data: no audit trail
            if (await db.Sites.AnyAsync(ct))
            {
                progress.WriteLine("This data folder already has sites; the large seed needs a fresh one (set SHELTER_DATA to an empty folder).");
                return 1;
            }
        }

        var faker = new Faker("en") { Random = new Randomizer(5_300) };
        var now = clock.GetUtcNow().UtcDateTime;
        var start = now.AddYears(-years);
        var sites = new List<Site>();
        for (var s = 0; s < Sites; s++)
        {
            // 30 beds a site: 2 family rooms of 4, 3 shared of 4, 4 singles, 1 accessible of 2, 2 safe rooms of 2.
            var site = new Site { Name = $"Site {s + 1:00} {faker.Address.City()}", IsAddressConfidential = s % 3 == 0, TimeZoneId = Site.DefaultTimeZoneId };
            void Room(string name, RoomKind kind, int beds) => site.Rooms.Add(new Room
            {
                Name = name, Kind = kind, Beds = Enumerable.Range(1, beds).Select(n => new Bed { Label = AddRoom.BedLabel(name, n) }).ToList(),
            });
            Room("Family room A", RoomKind.Family, 4);
            Room("Family room B", RoomKind.Family, 4);
            for (var r = 1; r <= 3; r++) Room($"Shared room {r}", RoomKind.Shared, 4);
            for (var r = 1; r <= 4; r++) Room($"Single {r}", RoomKind.Single, 1);
            Room("Accessible room", RoomKind.Accessible, 2);
            Room("Safe room 1", RoomKind.SafeRoom, 2);
            Room("Safe room 2", RoomKind.SafeRoom, 2);
            sites.Add(site);
        }
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShelterDbContext>();
            scope.ServiceProvider.GetRequiredService<Audit.ChangeAudit>().Off = true; // invented data: no audit trail
            db.Sites.AddRange(sites);
            await db.SaveChangesAsync(ct);
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Accounts.ShelterUser>>();
            await DemoSeeder.AssignDemoCaseWorkersAsync(db, users, sites.Select(s => s.Id).ToList());
            await db.SaveChangesAsync(ct);
        }
        progress.WriteLine($"  {Sites} sites, {sites.Sum(s => s.Rooms.Sum(r => r.Beds.Count))} beds");

        // Walk each room through five years: a household arrives, stays, leaves; the room rests a few days.
        var batch = new List<Resident>();
        var batchStays = new List<Stay>();
        var batchIntakes = new List<Core.Intake.Intake>();
        var stays = 0;
        foreach (var room in sites.SelectMany(s => s.Rooms.Select(r => (Site: s, Room: r))))
        {
            var units = room.Room.Kind == RoomKind.Family ? [room.Room.Beds] : room.Room.Beds.Select(b => new List<Bed> { b }).ToList();
            foreach (var beds in units)
            {
                var at = start.AddDays(faker.Random.Int(0, 20));
                while (at < now)
                {
                    var length = room.Room.Kind == RoomKind.SafeRoom ? TimeSpan.FromHours(faker.Random.Int(12, 72)) : TimeSpan.FromDays(faker.Random.Int(3, 90));
                    var end = at + length;
                    var active = end > now && faker.Random.Double() < 0.85;
                    if (end > now && !active) break; // this bed is free tonight
                    var resident = new Resident
                    {
                        Alias = $"{faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female)} {faker.Random.Char('A', 'Z')}.",
                        RegisteredAt = at, ConsentToKeepData = true,
                    };
                    var planned = StayTerms.DefaultEnd(room.Room.Kind, at, room.Site.MaxStayDays, room.Site.MaxSafeRoomStayHours);
                    Stay StayIn(Bed bed, Child? child) => new()
                    {
                        Resident = resident, Child = child, BedId = bed.Id, AdmittedAt = at, StartedAt = at,
                        PlannedEndAt = active ? (planned > now ? planned : now.AddDays(7)) : planned,
                        EndedAt = active ? null : end,
                        ExitReason = active ? null : faker.PickRandom(ExitReason.PlannedEnd, ExitReason.HerChoice, ExitReason.ReferredElsewhere, ExitReason.LeftWithoutNotice),
                        ExitDestination = active ? null : faker.PickRandom(ExitDestination.OwnHousing, ExitDestination.FamilyOrFriends, ExitDestination.AnotherShelter, ExitDestination.ReturnedToPartner, ExitDestination.Unknown),
                    };
                    var stayList = new List<Stay> { StayIn(beds[0], null) };
                    foreach (var childBed in beds.Skip(1).Take(faker.Random.Int(1, beds.Count - 1 > 0 ? beds.Count - 1 : 1)))
                    {
                        var child = new Child { Alias = faker.Name.FirstName(), AgeAtArrival = faker.Random.Int(0, 16), ArrivedOn = DateOnly.FromDateTime(at) };
                        resident.Children.Add(child);
                        stayList.Add(StayIn(childBed, child));
                    }
                    batch.Add(resident);
                    batchStays.AddRange(stayList);
                    batchIntakes.Add(new Core.Intake.Intake
                    {
                        Resident = resident, ReceivedAt = at, ConsentToKeepData = true, Route = faker.PickRandom<ArrivalRoute>(), HitsTotal = faker.Random.Int(4, 20),
                        Outcome = room.Room.Kind == RoomKind.SafeRoom ? IntakeOutcome.SafeRoom : IntakeOutcome.Bed,
                        Reason = room.Room.Kind == RoomKind.SafeRoom ? faker.PickRandom(OutcomeReason.SafetyFirst, OutcomeReason.NoFittingCapacity) : null,
                    });
                    stays += stayList.Count;
                    if (active) break;
                    at = end.AddDays(faker.Random.Int(0, 5));
                }
                if (batch.Count >= 2_000) await FlushAsync(batch, batchStays, batchIntakes, progress, stays, ct);
            }
        }
        await FlushAsync(batch, batchStays, batchIntakes, progress, stays, ct);
        await SeedOutcomesAsync(faker, start, now, progress, ct);
        progress.WriteLine($"  done: {stays} stays in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>What the outcomes report reads beyond stays: other intake outcomes, barriers, sweeps, documents, job searches, sessions.</summary>
    private async Task SeedOutcomesAsync(Faker faker, DateTime start, DateTime now, TextWriter progress, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShelterDbContext>();
        scope.ServiceProvider.GetRequiredService<Audit.ChangeAudit>().Off = true; // invented data: no audit trail
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var partner = new Core.Partners.Partner { Name = "Large seed partner shelter", Kind = Core.Partners.PartnerKind.Shelter };
        db.Partners.Add(partner);
        var days = (int)(now - start).TotalDays;
        for (var i = 0; i < 3000; i++)
        {
            var at = start.AddDays(faker.Random.Int(0, days)).AddHours(faker.Random.Int(0, 23));
            var outcome = faker.PickRandom(IntakeOutcome.WaitingList, IntakeOutcome.Referral);
            var resident = new Resident { Alias = $"{faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female)} {faker.Random.Char('A', 'Z')}.", RegisteredAt = at, ConsentToKeepData = faker.Random.Bool(0.8f) };
            var intake = new Core.Intake.Intake
            {
                Resident = resident, ReceivedAt = at, ConsentToKeepData = resident.ConsentToKeepData, Outcome = outcome,
                Route = resident.ConsentToKeepData ? faker.PickRandom<ArrivalRoute>() : null,
                Reason = outcome == IntakeOutcome.WaitingList ? faker.PickRandom(OutcomeReason.NoFittingCapacity, OutcomeReason.LeftBeforeDecision) : faker.PickRandom(OutcomeReason.SheChoseAnotherOption, OutcomeReason.NeedsHospitalCareNow),
            };
            db.Intakes.Add(intake);
            if (outcome == IntakeOutcome.WaitingList)
                db.WaitingList.Add(new Core.Intake.WaitingEntry { Resident = resident, IntakeId = 0, Since = at, ClosedAt = at.AddHours(faker.Random.Int(2, 240)), Closed = Core.Intake.WaitingClosed.Admitted });
            db.Barriers.Add(new Core.Partners.BarrierRecord { Partner = partner, Reason = faker.PickRandom<Core.Partners.BarrierReason>(), On = Core.Partners.BarrierRecord.WeekOf(DateOnly.FromDateTime(at)) });
        }
        await db.SaveChangesAsync(ct);
        // Waiting entries need their intake's id; the seed links them after the fact.
        await db.Database.ExecuteSqlRawAsync("UPDATE \"WaitingList\" SET \"IntakeId\" = (SELECT i.\"Id\" FROM \"Intakes\" i WHERE i.\"ResidentId\" = \"WaitingList\".\"ResidentId\") WHERE \"IntakeId\" = 0", ct);
        var today = DateOnly.FromDateTime(now);
        for (var d = 1; d <= days; d++)
        {
            var programmes = faker.Random.Int(30, 60);
            var broken = faker.Random.Int(0, 2);
            var atRisk = faker.Random.Int(0, 5);
            db.ContinuitySnapshots.Add(new Core.Medication.ContinuitySnapshot { Day = today.AddDays(-d), Programmes = programmes, Broken = broken, AtRisk = atRisk, Covered = programmes - broken - atRisk });
        }
        await db.SaveChangesAsync(ct);
        progress.WriteLine("  intakes, waiting list, barriers and continuity sweeps written…");
    }

    private async Task FlushAsync(List<Resident> batch, List<Stay> batchStays, List<Core.Intake.Intake> batchIntakes, TextWriter progress, int stays, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShelterDbContext>();
        scope.ServiceProvider.GetRequiredService<Audit.ChangeAudit>().Off = true; // invented data: no audit trail
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Residents.AddRange(batch);
        db.Stays.AddRange(batchStays);
        db.Intakes.AddRange(batchIntakes);
        await db.SaveChangesAsync(ct);
        batchIntakes.Clear();
        progress.WriteLine($"  {stays} stays written…");
        batch.Clear();
        batchStays.Clear();
    }
}
