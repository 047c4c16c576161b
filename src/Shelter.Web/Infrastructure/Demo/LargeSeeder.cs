using System.Diagnostics;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Intake;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Features.Sites;

namespace Shelter.Web.Infrastructure.Demo;

/// <summary>How big a network to invent: the large seed (10 sites, 5 years, stays only) or the
/// national one (50 sites in two time zones, 10 years, with the case work the busy pages read).</summary>
public sealed record SeedSize(string Name, int Sites, int Years, bool TwoTimeZones, bool CaseWork)
{
    public static readonly SeedSize Large = new("large", 10, 5, false, false);
    public static readonly SeedSize National = new("national", 50, 10, true, true);
    public static SeedSize? Named(string name) => name switch { "large" => Large, "national" => National, _ => null };
}

/// <summary>
/// A network for benchmarks and demos: 30 beds a site and years of stays, with the house about
/// 85% full tonight. Fixed seed; refuses a database that has sites.
/// Prints its progress, since it takes a while.
/// </summary>
public sealed class LargeSeeder(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int BedsPerSite = 30;

    public Task<int> SeedAsync(TextWriter progress, CancellationToken ct = default) => SeedAsync(SeedSize.Large, progress, ct);

    public async Task<int> SeedAsync(SeedSize size, TextWriter progress, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShelterDbContext>();
            scope.ServiceProvider.GetRequiredService<Audit.ChangeAudit>().Off = true; // invented data: no audit trail
            if (await db.Sites.AnyAsync(ct))
            {
                progress.WriteLine(
                    "This data folder already has sites; the large seed needs a fresh one (set SHELTER_DATA to an empty folder).");
                return 1;
            }
        }

        var faker = new Faker("en") { Random = new Randomizer(5_300) };
        var now = clock.GetUtcNow().UtcDateTime;
        var start = now.AddYears(-size.Years);
        var sites = new List<Site>();
        for (var s = 0; s < size.Sites; s++)
        {
            // 30 beds a site: 2 family rooms of 4, 3 shared of 4, 4 singles, 1 accessible of 2, 2 safe rooms of 2.
            var site = new Site
            {
                Name = $"Site {s + 1:00} {faker.Address.City()}", IsAddressConfidential = s % 3 == 0,
                // The national network runs east to Almaty: every fifth site keeps Almaty time.
                TimeZoneId = size.TwoTimeZones && s % 5 == 4 ? "Asia/Almaty" : Site.DefaultTimeZoneId
            };
            void Room(string name, RoomKind kind, int beds) => site.Rooms.Add(new Room
            {
                Name = name, Kind = kind,
                Beds = Enumerable.Range(1, beds).Select(n => new Bed { Label = AddRoom.BedLabel(name, n) }).ToList(),
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
            // The national seed brings an account for every role (the demo ones), so the HTTP benchmark
            // can sign each in; its case workers reach one region (five sites), as a real one would.
            if (size.CaseWork) await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAccountsAsync();
            await DemoSeeder.AssignDemoCaseWorkersAsync(db, users, sites.Select(s => s.Id).Take(size.CaseWork ? 5 : size.Sites).ToList());
            await db.SaveChangesAsync(ct);
        }
        progress.WriteLine($"  {size.Sites} sites, {sites.Sum(s => s.Rooms.Sum(r => r.Beds.Count))} beds");

        // Walk each room through the years: a household arrives, stays, leaves; the room rests a few days.
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
                    var length = room.Room.Kind == RoomKind.SafeRoom
                        ? TimeSpan.FromHours(faker.Random.Int(12, 72)) : TimeSpan.FromDays(faker.Random.Int(3, 90));
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
                        ExitReason = active
                            ? null : faker.PickRandom(ExitReason.PlannedEnd, ExitReason.HerChoice, ExitReason.ReferredElsewhere,
                            ExitReason.LeftWithoutNotice),
                        ExitDestination = active
                            ? null : faker.PickRandom(ExitDestination.OwnHousing, ExitDestination.FamilyOrFriends,
                            ExitDestination.AnotherShelter, ExitDestination.ReturnedToPartner, ExitDestination.Unknown),
                    };
                    var stayList = new List<Stay> { StayIn(beds[0], null) };
                    foreach (var childBed in beds.Skip(1).Take(faker.Random.Int(1, beds.Count - 1 > 0 ? beds.Count - 1 : 1)))
                    {
                        var child = new Child
                        {
                            Alias = faker.Name.FirstName(), AgeAtArrival = faker.Random.Int(0, 16),
                            ArrivedOn = DateOnly.FromDateTime(at)
                        };
                        resident.Children.Add(child);
                        stayList.Add(StayIn(childBed, child));
                    }
                    batch.Add(resident);
                    batchStays.AddRange(stayList);
                    batchIntakes.Add(new Core.Intake.Intake
                    {
                        Resident = resident, ReceivedAt = at, ConsentToKeepData = true, Route = faker.PickRandom<ArrivalRoute>(),
                        HitsTotal = faker.Random.Int(4, 20),
                        Outcome = room.Room.Kind == RoomKind.SafeRoom ? IntakeOutcome.SafeRoom : IntakeOutcome.Bed,
                        Reason = room.Room.Kind == RoomKind.SafeRoom
                            ? faker.PickRandom(OutcomeReason.SafetyFirst, OutcomeReason.NoFittingCapacity) : null,
                    });
                    stays += stayList.Count;
                    if (active) break;
                    at = end.AddDays(faker.Random.Int(0, 5));
                }
                if (batch.Count >= 2_000) await FlushAsync(batch, batchStays, batchIntakes, progress, stays, ct);
            }
        }
        await FlushAsync(batch, batchStays, batchIntakes, progress, stays, ct);
        await SeedOutcomesAsync(faker, start, now, size.Sites / 10.0 * size.Years / 5.0, progress, ct);
        if (size.CaseWork) await SeedCaseWorkAsync(faker, now, progress, ct);
        progress.WriteLine($"  done: {stays} stays in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>What the outcomes report reads beyond stays: other intake outcomes, barriers, sweeps, documents, job searches,
    /// sessions.</summary>
    private async Task SeedOutcomesAsync(Faker faker, DateTime start, DateTime now, double scale, TextWriter progress, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShelterDbContext>();
        scope.ServiceProvider.GetRequiredService<Audit.ChangeAudit>().Off = true; // invented data: no audit trail
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var partner = new Core.Partners.Partner { Name = "Large seed partner shelter", Kind = Core.Partners.PartnerKind.Shelter };
        db.Partners.Add(partner);
        var days = (int)(now - start).TotalDays;
        for (var i = 0; i < (int)(3000 * scale); i++)
        {
            var at = start.AddDays(faker.Random.Int(0, days)).AddHours(faker.Random.Int(0, 23));
            var outcome = faker.PickRandom(IntakeOutcome.WaitingList, IntakeOutcome.Referral);
            var resident = new Resident
            {
                Alias = $"{faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female)} {faker.Random.Char('A', 'Z')}.",
                RegisteredAt = at,
                ConsentToKeepData = faker.Random.Bool(0.8f),
            };
            var intake = new Core.Intake.Intake
            {
                Resident = resident, ReceivedAt = at, ConsentToKeepData = resident.ConsentToKeepData, Outcome = outcome,
                Route = resident.ConsentToKeepData ? faker.PickRandom<ArrivalRoute>() : null,
                Reason = outcome == IntakeOutcome.WaitingList
                    ? faker.PickRandom(OutcomeReason.NoFittingCapacity,
                    OutcomeReason.LeftBeforeDecision) : faker.PickRandom(OutcomeReason.SheChoseAnotherOption,
                    OutcomeReason.NeedsHospitalCareNow),
            };
            db.Intakes.Add(intake);
            if (outcome == IntakeOutcome.WaitingList)
                db.WaitingList.Add(new Core.Intake.WaitingEntry
                {
                    Resident = resident, IntakeId = 0, Since = at,
                    ClosedAt = at.AddHours(faker.Random.Int(2, 240)), Closed = Core.Intake.WaitingClosed.Admitted
                });
            db.Barriers.Add(new Core.Partners.BarrierRecord
            {
                Partner = partner,
                Reason = faker.PickRandom<Core.Partners.BarrierReason>(),
                On = Core.Partners.BarrierRecord.WeekOf(DateOnly.FromDateTime(at))
            });
        }
        await db.SaveChangesAsync(ct);
        // Waiting entries need their intake's id; the seed links them after the fact.
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE \"WaitingList\" SET \"IntakeId\" = "
                + "(SELECT i.\"Id\" FROM \"Intakes\" i WHERE i.\"ResidentId\" = \"WaitingList\".\"ResidentId\") WHERE \"IntakeId\" = 0",
            ct);
        var today = DateOnly.FromDateTime(now);
        for (var d = 1; d <= days; d++)
        {
            var programmes = faker.Random.Int(30, 60);
            var broken = faker.Random.Int(0, 2);
            var atRisk = faker.Random.Int(0, 5);
            db.ContinuitySnapshots.Add(new Core.Medication.ContinuitySnapshot
            {
                Day = today.AddDays(-d), Programmes = programmes,
                Broken = broken, AtRisk = atRisk, Covered = programmes - broken - atRisk
            });
        }
        await db.SaveChangesAsync(ct);
        progress.WriteLine("  intakes, waiting list, barriers and continuity sweeps written…");
    }

    /// <summary>
    /// What the case workers' pages read, at rough real rates: a stay review per stay (open for the
    /// women in the house, done for the others), OST or ART for about one woman in eight, a consent
    /// for one in four, and two views of each stay in the audit trail.
    /// </summary>
    private async Task SeedCaseWorkAsync(Faker faker, DateTime now, TextWriter progress, CancellationToken ct)
    {
        List<(int Resident, int Stay, DateTime Started, DateTime PlannedEnd, DateTime? Ended)> stays;
        int dispensing, referralPartner;
        List<string> workers;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShelterDbContext>();
            scope.ServiceProvider.GetRequiredService<Audit.ChangeAudit>().Off = true; // invented data: no audit trail
            var clinic = new Core.Partners.Partner { Name = "Large seed OST clinic", Kind = Core.Partners.PartnerKind.Medical };
            var legal = new Core.Partners.Partner { Name = "Large seed legal aid", Kind = Core.Partners.PartnerKind.LegalAid };
            db.Partners.AddRange(clinic, legal);
            await db.SaveChangesAsync(ct);
            (dispensing, referralPartner) = (clinic.Id, legal.Id);
            stays = (await db.Stays.AsNoTracking().Where(x => x.ChildId == null).OrderBy(x => x.Id)
                .Select(x => new { x.ResidentId, x.Id, x.StartedAt, x.PlannedEndAt, x.EndedAt }).ToListAsync(ct))
                .Select(x => (x.ResidentId, x.Id, x.StartedAt, x.PlannedEndAt, x.EndedAt)).ToList();
            workers = await db.Users.OrderBy(u => u.Email).Select(u => u.Id).ToListAsync(ct);
        }
        var today = DateOnly.FromDateTime(now);
        var rows = new List<object>();
        var written = 0;
        foreach (var (resident, stay, started, plannedEnd, ended) in stays)
        {
            var open = ended is null;
            rows.Add(new Core.FollowUps.FollowUp
            {
                Kind = Core.FollowUps.FollowUpKind.StayReview, ResidentId = resident, StayId = stay, What = "Stay review",
                DueAt = plannedEnd.AddDays(-7) > started ? plannedEnd.AddDays(-7) : started, CreatedAt = started,
                Status = open ? Core.FollowUps.FollowUpStatus.Open : faker.Random.Bool(0.9f)
                    ? Core.FollowUps.FollowUpStatus.Done : Core.FollowUps.FollowUpStatus.DeclinedByHer,
                ClosedAt = open ? null : ended,
            });
            if (faker.Random.Bool(0.125f))
            {
                var ost = faker.Random.Bool(0.6f);
                rows.Add(new Core.Medication.MedicationProgramme
                {
                    ResidentId = resident, Kind = ost ? Core.Medication.MedicationKind.Ost : Core.Medication.MedicationKind.Art,
                    Medicine = ost ? faker.PickRandom("Methadone", "Buprenorphine") : "Dolutegravir/lamivudine/tenofovir",
                    Dose = ost ? $"{faker.Random.Int(2, 12) * 10} mg" : "1 tablet", DispensingSiteId = dispensing,
                    Schedule = ost && faker.Random.Bool(0.5f)
                        ? Core.Medication.DispensingSchedule.SupervisedDaily : Core.Medication.DispensingSchedule.TakeHome,
                    SupplyAsOf = open ? today.AddDays(-faker.Random.Int(0, 3)) : DateOnly.FromDateTime(started),
                    SupplyDays = faker.Random.Int(1, 14),
                    NextPickupOn = open && faker.Random.Bool(0.8f) ? today.AddDays(faker.Random.Int(0, 6)) : null,
                    HasEnoughAtIntake = faker.PickRandom<Core.Intake.Answer>(), RecordedAt = started, EndedAt = ended,
                });
            }
            if (faker.Random.Bool(0.25f))
                rows.Add(new Core.Consents.Consent
                {
                    ResidentId = resident, PartnerId = referralPartner, Purpose = Core.Consents.ConsentPurpose.Legal, GivenAt = started,
                    ExpiresOn = faker.Random.Bool(0.5f) ? DateOnly.FromDateTime(started).AddMonths(6) : null,
                    RevokedAt = !open && faker.Random.Bool(0.1f) ? ended : null,
                });
            var until = ended ?? now;
            for (var v = 0; v < 2; v++)
                rows.Add(new Core.Audit.AuditEvent
                {
                    At = started + (until - started) * faker.Random.Double(), UserId = faker.PickRandom(workers), Role = "Staff",
                    Action = Core.Audit.AuditActions.Viewed, EntityType = v == 0 ? "Resident" : "Stay",
                    EntityId = (v == 0 ? resident : stay).ToString(), Ip = "10.0.0.1",
                });
            if (rows.Count >= 20_000) await WriteAsync();
        }
        await WriteAsync();
        progress.WriteLine($"  follow-ups, medication, consents and views written for {stays.Count} stays");

        async Task WriteAsync()
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ShelterDbContext>();
            scope.ServiceProvider.GetRequiredService<Audit.ChangeAudit>().Off = true; // invented data: no audit trail
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(rows);
            await db.SaveChangesAsync(ct);
            written += rows.Count;
            rows.Clear();
            progress.WriteLine($"  {written} rows of case work written…");
        }
    }

    private async Task FlushAsync(List<Resident> batch, List<Stay> batchStays, List<Core.Intake.Intake> batchIntakes,
        TextWriter progress, int stays, CancellationToken ct)
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
