using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Consents;
using Shelter.Core.Data;
using Shelter.Core.Documents;
using Shelter.Core.FollowUps;
using Shelter.Core.Intake;
using Shelter.Core.Medication;
using Shelter.Core.Partners;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Features.Sites;

namespace Shelter.Web.Infrastructure.Demo;

/// <summary>
/// Fills an empty database with a small, believable network: a shelter at a confidential
/// address and a harm-reduction centre with two safe rooms. Bogus with a fixed seed, so
/// every demo looks the same; dates are relative to today so the house is "now".
/// Runs only with SHELTER_DEMO=1 and only once.
/// </summary>
public sealed class DemoSeeder(ShelterDbContext db, UserManager<ShelterUser> users, IUserStore<ShelterUser> store,
    Audit.ChangeAudit changes, TimeProvider clock, ILogger<DemoSeeder> log)
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

    /// <summary>
    /// Managers and administrators sign in with a second factor; the demo ones use these published
    /// keys (add one to an authenticator app, or run ./run.sh demo-code EMAIL). Demo only.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DemoAuthenticatorKeys = new Dictionary<string, string>
    {
        ["manager@demo.shelter"] = "DEMOMANAGERSHELTERTOTPKEYQQQQQQQ",
        ["admin@demo.shelter"] = "DEMOADMINSHELTERTOTPKEYQQQQQQQQQ",
    };

    public static bool IsDemoMode(IConfiguration config) =>
        config["SHELTER_DEMO"] is "1" or "true" or "True";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        changes.Off = true; // invented data: no audit trail
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
                Room("Single 2", RoomKind.Single, 1, familyUnit: "Unit 2–3"),
                Room("Single 3", RoomKind.Single, 1, familyUnit: "Unit 2–3"),
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
        db.CounsellingRooms.AddRange(
            new Core.Children.CounsellingRoom { SiteId = shelter.Id, Name = "Play room" },
            new Core.Children.CounsellingRoom { SiteId = shelter.Id, Name = "Counselling room" },
            new Core.Children.CounsellingRoom { SiteId = centre.Id, Name = "Play room" });
        await db.SaveChangesAsync(ct);
        await AssignDemoCaseWorkersAsync(db, users, [shelter.Id, centre.Id]);
        await db.SaveChangesAsync(ct);

        // Twenty women in the house tonight; four arrived with children.
        var familyBeds = new Queue<Bed>(shelter.Rooms.Where(r => r.Kind == RoomKind.Family).SelectMany(r => r.Beds));
        var otherBeds = new Queue<Bed>(shelter.Rooms.Concat(centre.Rooms)
            .Where(r => r.Kind is RoomKind.Shared or RoomKind.Single)
            .SelectMany(r => r.Beds));
        var safeRoomBeds = new Queue<Bed>(centre.Rooms.Where(r => r.Kind == RoomKind.SafeRoom).SelectMany(r => r.Beds));
        var accessibleBeds = new Queue<Bed>(shelter.Rooms.Where(r => r.Kind == RoomKind.Accessible).SelectMany(r => r.Beds));

        var stays = new List<(Stay Hers, RoomKind Kind)>();
        for (var i = 0; i < 20; i++)
        {
            // A few arrived nearly three months ago, so the board shows stays near their end.
            var daysAgo = i is 5 or 9 ? 86 - i % 3 : i == 2 ? 10 : faker.Random.Int(1, 70);
            var arrived = now.AddDays(-daysAgo).AddHours(-faker.Random.Int(0, 12));
            var resident = new Resident
            {
                Alias = $"{faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female)} {faker.Random.Char('A', 'Z')}.",
                ConsentToKeepData = true,
                RegisteredAt = arrived,
                Languages = faker.PickRandom("Ukrainian", "Russian", "Ukrainian, Russian", "Romani, Russian", "Russian, English"),
                NeedsAccessibleRoom = i == 15,
                HighRisk = i is 0 or 11,
            };
            var childCount = i switch { 0 => 1, 3 => 2, 7 => 1, 12 => 1, _ => 0 };
            for (var c = 0; c < childCount; c++)
                resident.Children.Add(new Child
                {
                    Alias = faker.Name.FirstName(faker.PickRandom<Bogus.DataSets.Name.Gender>()),
                    AgeAtArrival = i == 0 ? 10 : faker.Random.Int(1, 15),
                    ArrivedOn = DateOnly.FromDateTime(arrived),
                });
            db.Residents.Add(resident);

            // The first woman came with her 10-year-old daughter at high risk: the safe room, as in the Rosa example.
            var (queue, kind) = i == 0 ? (safeRoomBeds, RoomKind.SafeRoom)
                : i == 15 ? (accessibleBeds, RoomKind.Accessible)
                : childCount > 0 ? (familyBeds, RoomKind.Family)
                : (otherBeds, RoomKind.Shared);
            var site = queue == safeRoomBeds ? centre : shelter;
            var startedAt = i == 0 ? now.AddHours(-20) : arrived;
            var plannedEnd = StayTerms.DefaultEnd(kind, startedAt, site.MaxStayDays, site.MaxSafeRoomStayHours);
            string? conditions = null;
            if (i == 2)
            {
                // The Oksana example: one month, find a job, attend counselling.
                plannedEnd = startedAt.AddDays(30);
                conditions = "One month. Register with the employment service and look for a job; attend counselling weekly.";
            }
            var hers = new Stay
            {
                Resident = resident, BedId = queue.Dequeue().Id, AdmittedAt = startedAt, StartedAt = startedAt,
                PlannedEndAt = plannedEnd, Conditions = conditions
            };
            db.Stays.Add(hers);
            stays.Add((hers, kind));
            foreach (var child in resident.Children)
                db.Stays.Add(new Stay
                {
                    Resident = resident, Child = child, BedId = queue.Dequeue().Id, AdmittedAt = startedAt,
                    StartedAt = startedAt, PlannedEndAt = plannedEnd, Conditions = conditions
                });
        }

        // Women who have already left, so the house has a history.
        for (var i = 0; i < 12; i++)
        {
            var arrived = now.AddDays(-faker.Random.Int(120, 400));
            var left = arrived.AddDays(faker.Random.Int(5, 85));
            var resident = new Resident
            {
                Alias = $"{faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female)} {faker.Random.Char('A', 'Z')}.",
                ConsentToKeepData = true,
                RegisteredAt = arrived,
            };
            db.Residents.Add(resident);
            db.Stays.Add(new Stay
            {
                Resident = resident, BedId = shelter.Rooms[3 + i % 3].Beds[i % 4].Id, AdmittedAt = arrived, StartedAt = arrived,
                PlannedEndAt = arrived.AddDays(shelter.MaxStayDays), EndedAt = left,
                ExitReason = faker.PickRandom(ExitReason.PlannedEnd, ExitReason.HerChoice, ExitReason.ReferredElsewhere),
                ExitDestination = faker.PickRandom(ExitDestination.OwnHousing, ExitDestination.FamilyOrFriends,
                    ExitDestination.AnotherShelter, ExitDestination.Unknown),
            });
        }
        await db.SaveChangesAsync(ct);

        foreach (var (hers, kind) in stays)
            db.FollowUps.Add(new FollowUp
            {
                Kind = FollowUpKind.StayReview, ResidentId = hers.ResidentId, StayId = hers.Id,
                DueAt = StayTerms.ReviewDue(kind, hers.StartedAt, hers.PlannedEndAt), CreatedAt = now
            });

        // Tonight: the police called ahead for one bed; two beds are out of service.
        db.BedHolds.Add(new BedHold
        {
            BedId = otherBeds.Dequeue().Id, ComingThrough = ArrivalRoute.Police, HeldAt = now.AddHours(-1),
            HeldUntil = now.AddHours(3)
        });
        db.BedsOutOfService.Add(new BedOutOfService
        {
            BedId = otherBeds.Dequeue().Id, From = today.AddDays(-2), To = today.AddDays(5),
            Reason = OutOfServiceReason.Repair, RecordedAt = now
        });
        db.BedsOutOfService.Add(new BedOutOfService
        {
            BedId = centre.Rooms.First(r => r.Kind == RoomKind.Shared).Beds[3].Id,
            From = today, To = null, Reason = OutOfServiceReason.Cleaning, RecordedAt = now
        });
        await db.SaveChangesAsync(ct);
        await SeedPartnersAndIntakesAsync(faker, stays, now, ct);
        log.LogInformation("Demo data seeded for {Today}", today);
    }

    /// <summary>The referral network, the barrier log, and the intake records behind the women in the house.</summary>
    private async Task SeedPartnersAndIntakesAsync(Faker faker, IReadOnlyList<(Stay Hers, RoomKind Kind)> housed, DateTime now,
        CancellationToken ct)
    {
        const Acceptance Y = Acceptance.Yes, N = Acceptance.No, U = Acceptance.NotKnown;
        var confirmed = DateOnly.FromDateTime(now).AddDays(-40);
        // drugs, OST, ART, children, without documents, trans women, wheelchair
        Partner P(string name, PartnerKind kind,
            (Acceptance Drugs, Acceptance Ost, Acceptance Art, Acceptance Children, Acceptance Papers, Acceptance Trans,
            Acceptance Wheelchair) a,
            string phone, string? notes = null, int? boysUpTo = null) =>
            new()
            {
                Name = name, Kind = kind, Phone = phone, Notes = notes,
                AcceptsDrugUse = a.Drugs, AcceptsOst = a.Ost, AcceptsArt = a.Art, AcceptsChildren = a.Children, BoysUpToAge = boysUpTo,
                AcceptsWithoutDocuments = a.Papers, AcceptsTransWomen = a.Trans, AcceptsWheelchair = a.Wheelchair,
                AcceptanceConfirmedOn = confirmed,
            };
        var partners = new[]
        {
            P("City Women's Crisis Centre", PartnerKind.CrisisCentre, (Y, Y, Y, Y, Y, Y, U), "+380 44 000 1001",
                "Trained on the needs of women who use drugs.", boysUpTo: 17),
            P("Hope Shelter", PartnerKind.Shelter, (N, N, U, Y, N, U, Y), "+380 44 000 1002",
                "Rules still prohibit OST: advocacy in progress.", boysUpTo: 12),
            P("Step by Step Harm Reduction", PartnerKind.HarmReduction, (Y, Y, Y, U, Y, Y, U), "+380 44 000 1003",
                "Outreach, peer counsellors, OST site on Fridays."),
            P("Regional Hospital No. 2", PartnerKind.Medical, (Y, Y, Y, U, U, U, Y), "+380 44 000 1004"),
            P("Free Legal Aid Centre", PartnerKind.LegalAid, (Y, Y, Y, Y, Y, Y, U), "+380 44 000 1005",
                "Ask for the lawyer on duty; domestic-violence cases."),
            P("Employment Service, Central Office", PartnerKind.EmploymentService, (U, U, U, U, Y, U, U), "+380 44 000 1006"),
            P("Children's Services Department", PartnerKind.ChildServices, (U, U, U, Y, U, U, U), "+380 44 000 1007"),
            P("District Police, Domestic Violence Unit", PartnerKind.Police, (U, U, U, U, U, U, U), "102"),
        };
        db.Partners.AddRange(partners);
        await db.SaveChangesAsync(ct);

        var today = DateOnly.FromDateTime(now);
        db.Barriers.AddRange(
            new BarrierRecord
            {
                PartnerId = partners[1].Id, Reason = BarrierReason.RulesProhibitOst,
                On = BarrierRecord.WeekOf(today.AddDays(-12))
            },
            new BarrierRecord
            {
                OtherServiceName = "Municipal night shelter", Reason = BarrierReason.NoDocuments,
                On = BarrierRecord.WeekOf(today.AddDays(-30))
            },
            new BarrierRecord
            {
                OtherServiceName = "Municipal night shelter", Reason = BarrierReason.NoPcrTest,
                On = BarrierRecord.WeekOf(today.AddDays(-60))
            });

        // Every woman in the house came through an intake.
        var routes = Enum.GetValues<ArrivalRoute>();
        var stays = housed.Select(h => h.Hers).ToList();
        foreach (var (stay, kind) in housed)
        {
            var hurt = faker.Random.Int(1, 5); var insult = faker.Random.Int(1, 5); var threaten = faker.Random.Int(1,
                5); var scream = faker.Random.Int(1, 5);
            db.Intakes.Add(new Core.Intake.Intake
            {
                ResidentId = stay.ResidentId, ReceivedAt = stay.AdmittedAt, ConsentToKeepData = true, Route = faker.PickRandom(routes),
                HitsHurt = hurt, HitsInsult = insult, HitsThreaten = threaten, HitsScream = scream,
                HitsTotal = hurt + insult + threaten + scream,
                HasSafetyPlan = faker.PickRandom(Answer.Yes, Answer.No),
                Outcome = kind == RoomKind.SafeRoom ? IntakeOutcome.SafeRoom : IntakeOutcome.Bed,
                Reason = kind == RoomKind.SafeRoom ? OutcomeReason.SafetyFirst : null,
                StayId = stay.Id,
            });
        }
        // The Oksana example: on OST, her passport taken by her partner.
        var oksana = stays[2];
        var passport = new DocumentRecovery
        {
            ResidentId = oksana.ResidentId, Document = DocumentType.Passport,
            StartedAt = oksana.AdmittedAt
        };
        db.DocumentRecoveries.Add(passport);
        db.FollowUps.Add(new FollowUp
        {
            Kind = FollowUpKind.DocumentRecovery, ResidentId = oksana.ResidentId, Recovery = passport,
            DueAt = now.AddDays(3), CreatedAt = oksana.AdmittedAt
        });
        SeedMedication(stays, partners[2], partners[3], now);
        await SeedCaseWorkAsync(stays, now, ct);
        db.Consents.Add(new Consent
        {
            ResidentId = oksana.ResidentId, PartnerId = partners[5].Id, Purpose = ConsentPurpose.Referral,
            GivenAt = oksana.AdmittedAt, ExpiresOn = today.AddMonths(3)
        });

        // Two women wait: one with three children (no family room has four beds free), one who left before a decision.
        foreach (var (alias, children, highRisk, hits, reason) in new[] { ("Lesia M.", 3, true, 14, OutcomeReason.NoFittingCapacity),
            ("Dana R.", 0, false, 8, OutcomeReason.LeftBeforeDecision) })
        {
            var resident = new Resident
            {
                Alias = alias, RegisteredAt = now.AddHours(-faker.Random.Int(3, 30)),
                ConsentToKeepData = true, HighRisk = highRisk
            };
            for (var c = 0; c < children; c++)
                resident.Children.Add(new Child { Alias = $"Child {c + 1}", AgeAtArrival = 2 + 3 * c, ArrivedOn = today });
            var intake = new Core.Intake.Intake
            {
                Resident = resident, ReceivedAt = resident.RegisteredAt, ConsentToKeepData = true,
                HitsTotal = null, Outcome = IntakeOutcome.WaitingList, Reason = reason, ProposedPartnerId = partners[0].Id
            };
            db.Intakes.Add(intake);
            await db.SaveChangesAsync(ct);
            db.WaitingList.Add(new WaitingEntry
            {
                ResidentId = resident.Id, IntakeId = intake.Id, Since = resident.RegisteredAt,
                HighRisk = highRisk, HitsTotal = hits, Children = children
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Residents on methadone, buprenorphine and ART: covered, at risk, one broken; her OST site closes in three days.</summary>
    private void SeedMedication(IReadOnlyList<Stay> stays, Partner ostSite, Partner hospital, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        MedicationProgramme Programme(Stay stay, MedicationKind kind, string medicine, string dose, Partner site,
            DispensingSchedule schedule, Answer enough) => new()
            {
                ResidentId = stay.ResidentId, Kind = kind, Medicine = medicine, Dose = dose, DispensingSiteId = site.Id, Schedule =
                    schedule,
                HasEnoughAtIntake = enough, RecordedAt = stay.AdmittedAt,
            };
        // Oksana: methadone, dosed daily at the harm-reduction site, which closes in three days.
        var oksana = Programme(stays[2], MedicationKind.Ost, "Methadone", "60 mg daily", ostSite, DispensingSchedule.SupervisedDaily,
            Answer.Yes);
        oksana.LastDispensedOn = today;
        oksana.NextPickupOn = today.AddDays(1);
        oksana.PickupWindow = "Afternoons";
        // ART, take-home, running out tomorrow: at risk.
        var art = Programme(stays[4], MedicationKind.Art, "Dolutegravir + tenofovir/lamivudine", "1 tablet daily", hospital,
            DispensingSchedule.TakeHome, Answer.No);
        art.SupplyLastsUntil(today.AddDays(-10), today.AddDays(1));
        art.NextPickupOn = today.AddDays(1);
        // Buprenorphine, take-home, two weeks at a time: covered.
        var bup = Programme(stays[6], MedicationKind.Ost, "Buprenorphine", "8 mg daily", ostSite, DispensingSchedule.TakeHome, Answer.Yes);
        bup.SupplyLastsUntil(today.AddDays(-3), today.AddDays(10));
        bup.NextPickupOn = today.AddDays(9);
        bup.LastDispensedOn = today.AddDays(-3);
        // ART whose supply ended two days ago, no pick-up recorded: broken.
        var broken = Programme(stays[8], MedicationKind.Art, "Efavirenz/emtricitabine/tenofovir", "1 tablet at night", hospital,
            DispensingSchedule.TakeHome, Answer.Yes);
        broken.SupplyLastsUntil(today.AddDays(-30), today.AddDays(-2));
        // Methadone take-home with plenty on hand but no next pick-up arranged: at risk.
        var noPickup = Programme(stays[10], MedicationKind.Ost, "Methadone", "40 mg daily", ostSite, DispensingSchedule.TakeHome,
            Answer.Yes);
        noPickup.SupplyLastsUntil(today.AddDays(-1), today.AddDays(6));
        db.MedicationProgrammes.AddRange(oksana, art, bup, broken, noPickup);
        // Thirty days of sweeps behind us, for the continuity figure in the outcomes report.
        for (var d = 1; d <= 30; d++)
            db.ContinuitySnapshots.Add(new ContinuitySnapshot
            {
                Day = today.AddDays(-d), Programmes = 5, Covered = d % 7 == 0 ? 3 : 4,
                AtRisk = d % 7 == 0 ? 2 : 1, Broken = 0
            });
        db.DispensingSiteClosures.Add(new DispensingSiteClosure
        {
            PartnerId = ostSite.Id, From = today.AddDays(3),
            To = today.AddDays(10), Reason = ClosureReason.Lockdown, RecordedAt = now
        });
    }

    /// <summary>Follow-ups of every kind, open, overdue and finished; a job search; children's school and sessions.</summary>
    private async Task SeedCaseWorkAsync(IReadOnlyList<Stay> stays, DateTime now, CancellationToken ct)
    {
        var caseManager = (await users.FindByEmailAsync("casemanager@demo.shelter"))!.Id;
        var socialWorker = (await users.FindByEmailAsync("socialworker@demo.shelter"))!.Id;
        var staff = (await users.FindByEmailAsync("staff@demo.shelter"))!.Id;
        // The stay reviews are the case manager's; two are overdue.
        foreach (var review in await db.FollowUps.Where(f => f.Kind == FollowUpKind.StayReview).ToListAsync(ct))
            review.AssignedToUserId = caseManager;
        var oksana = stays[2];
        var search = new Core.Employment.JobSearch
        {
            ResidentId = oksana.ResidentId, StartedAt = oksana.AdmittedAt,
            ConditionOfStay = true
        };
        search.Steps.Add(new Core.Employment.JobSearchStep
        {
            Kind = Core.Employment.JobSearchStepKind.RegisteredWithEmploymentService,
            On = DateOnly.FromDateTime(oksana.AdmittedAt.AddDays(2)), RecordedAt = now
        });
        search.Steps.Add(new Core.Employment.JobSearchStep
        {
            Kind = Core.Employment.JobSearchStepKind.Interview,
            On = DateOnly.FromDateTime(now.AddDays(-1)), Employer = "Harm reduction organisation (documentation specialist)",
            RecordedAt = now
        });
        db.JobSearches.Add(search);
        await db.SaveChangesAsync(ct);
        db.FollowUps.AddRange(
            new FollowUp
            {
                Kind = FollowUpKind.JobSearch, ResidentId = oksana.ResidentId, JobSearchId = search.Id,
                AssignedToUserId = socialWorker, DueAt = now.AddDays(2), CreatedAt = now, What = "Call the employer about the interview"
            },
            new FollowUp
            {
                Kind = FollowUpKind.Other, ResidentId = stays[5].ResidentId, AssignedToUserId = caseManager,
                DueAt = now.AddDays(-2), CreatedAt = now.AddDays(-9), What = "Accompany her to the legal aid centre"
            },
            new FollowUp
            {
                Kind = FollowUpKind.Other, ResidentId = stays[7].ResidentId, AssignedToUserId = staff,
                DueAt = now.AddHours(3), CreatedAt = now.AddDays(-1), What = "Bring winter clothes from the store room"
            },
            new FollowUp
            {
                Kind = FollowUpKind.Other, ResidentId = stays[9].ResidentId, AssignedToUserId = caseManager,
                DueAt = now.AddDays(-5), CreatedAt = now.AddDays(-12), What = "File the police report",
                Status = FollowUpStatus.DeclinedByHer, ClosedAt = now.AddDays(-6)
            },
            new FollowUp
            {
                Kind = FollowUpKind.Other, ResidentId = stays[9].ResidentId, AssignedToUserId = caseManager,
                DueAt = now.AddDays(-3), CreatedAt = now.AddDays(-10), What = "Register her at the clinic",
                Status = FollowUpStatus.Done, ClosedAt = now.AddDays(-4)
            });

        // Children: school, and counselling with the social worker (the Rosa example: counselling with her daughter).
        var children = await db.Children.Where(c => db.Stays.Any(s => s.ChildId == c.Id && s.EndedAt == null)).OrderBy(c => c.Id)
            .ToListAsync(ct);
        foreach (var child in children)
            child.School = child.AgeAtArrival switch { >= 7 => "School No. 14", >= 3 => "Kindergarten \"Sonechko\"", _ => null };
        var hours = Core.FollowUps.WorkingHours.Default(Core.Sites.Site.DefaultTimeZoneId);
        var slot = hours.NextWorkingMoment(hours.StartOfNextWorkingDay(now)).AddHours(2);
        var playRooms = await db.CounsellingRooms.Where(r => r.Name == "Play room").ToDictionaryAsync(r => r.SiteId, r => r.Id, ct);
        var childSites = await db.Stays.Where(s => s.ChildId != null && s.EndedAt == null)
            .ToDictionaryAsync(s => s.ChildId!.Value, s => s.Bed.Room.SiteId, ct);
        for (var i = 0; i < Math.Min(3, children.Count); i++)
        {
            var child = children[i];
            db.CounsellingSessions.Add(new Core.Children.CounsellingSession
            {
                ChildId = child.Id, ResidentId = child.ResidentId, CounsellorUserId = socialWorker, ScheduledByUserId = socialWorker,
                Room = "Play room",
                CounsellingRoomId = childSites.TryGetValue(child.Id, out var site) && playRooms.TryGetValue(site, out var room)
                    ? room : null,
                StartsAt = slot.AddHours(i), EndsAt = slot.AddHours(i).AddMinutes(50), CreatedAt = now,
            });
            db.FollowUps.Add(new FollowUp
            {
                Kind = FollowUpKind.ChildService, ResidentId = child.ResidentId, ChildId = child.Id,
                AssignedToUserId = socialWorker, DueAt = now.AddDays(4 + i), CreatedAt = now, What = "Check school enrolment"
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static Room Room(string name, RoomKind kind, int beds, string? familyUnit = null) => new()
    {
        Name = name,
        Kind = kind,
        FamilyUnit = familyUnit,
        Beds = Enumerable.Range(1, beds).Select(n => new Bed { Label = AddRoom.BedLabel(name, n) }).ToList(),
    };

    /// <summary>The demo case manager and social worker work at every demo site.</summary>
    public static async Task AssignDemoCaseWorkersAsync(ShelterDbContext db, UserManager<ShelterUser> users, IReadOnlyList<int> siteIds)
    {
        foreach (var email in new[] { "casemanager@demo.shelter", "socialworker@demo.shelter" })
            if (await users.FindByEmailAsync(email) is { } user)
                db.StaffSites.AddRange(siteIds.Select(id => new StaffSite { UserId = user.Id, SiteId = id }));
    }

    /// <summary>The demo accounts of every role (published password and authenticator keys); the national seed uses them too.</summary>
    public async Task SeedAccountsAsync()
    {
        foreach (var (email, role) in DemoAccounts)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new ShelterUser
            {
                UserName = email, Email = email, EmailConfirmed = true,
                DisplayName = $"Demo {Roles.Describe(role).ToLowerInvariant()}", CreatedAt = clock.GetUtcNow().UtcDateTime
            };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            if (DemoAuthenticatorKeys.TryGetValue(email, out var key))
            {
                await ((IUserAuthenticatorKeyStore<ShelterUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
        }
    }
}
