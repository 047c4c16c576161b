using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shelter.Core.Data;
using Shelter.Core.Documents;
using Shelter.Core.FollowUps;
using Shelter.Core.Intake;
using Shelter.Core.Medication;
using Shelter.Core.Partners;
using Shelter.Core.Residents;
using Shelter.Core.Validation;
using Shelter.Web.Care;
using Shelter.Web.Features.Shared;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Integrity;
using Shelter.Web.Infrastructure.Localization;

namespace Shelter.Web.Features.Intake;

public sealed class IntakeForm
{
    [Required(ErrorMessage = "Choose how she reached us.")]
    public ArrivalRoute? Route { get; set; }

    [Required(ErrorMessage = "Enter the name she wants to be called; an alias is enough.")]
    [StringLength(80, ErrorMessage = "Keep the name she gives under 80 characters.")]
    public string Alias { get; set; } = "";

    [StringLength(200, ErrorMessage = "Keep the legal name under 200 characters.")]
    public string? LegalName { get; set; }

    [DayWithin(DayRange.Birth, "Her date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [StringLength(80, ErrorMessage = "Keep it under 80 characters.")]
    public string? GenderIdentity { get; set; }

    [StringLength(200, ErrorMessage = "Keep the languages under 200 characters.")]
    public string? Languages { get; set; }

    [StringLength(60, ErrorMessage = "List at most ten ages.")]
    public string? ChildAges { get; set; }

    /// <summary>Optional: which of the children are boys, by age; only to keep the family whole (rooms and partners that take boys up to an
    /// age).</summary>
    [StringLength(60, ErrorMessage = "List at most ten ages.")]
    public string? SonsAges { get; set; }

    /// <summary>Asked only so that no partner that refuses transgender women is proposed; not kept.</summary>
    public bool TransWoman { get; set; }

    public bool NeedsAccessibleRoom { get; set; }
    public bool Pregnant { get; set; }
    public Answer TakesOst { get; set; }
    public Answer TakesArt { get; set; }
    public Answer HasEnoughMedication { get; set; }
    [DayWithin(DayRange.CaseWork, "The day her medication lasts until")]
    public DateOnly? MedicationUntil { get; set; }
    public List<MissingDocuments> MissingDocuments { get; set; } = [];

    public int? Hurt { get; set; }
    public int? Insult { get; set; }
    public int? Threaten { get; set; }
    public int? Scream { get; set; }
    public bool InDangerNow { get; set; }
    public Answer HasSafetyPlan { get; set; }

    public HerChoice Choice { get; set; }
    public bool NeedsHospitalCareNow { get; set; }
    public bool LeftBeforeDecision { get; set; }

    /// <summary>A partner that turned her away, for the barrier log (recorded without her identity).</summary>
    public int? RefusedByPartnerId { get; set; }
    [StringLength(160, ErrorMessage = "Keep the service's name under 160 characters.")]
    public string? RefusedByOther { get; set; }
    public BarrierReason? RefusedBecause { get; set; }

    /// <summary>Without it only her alias and the outcome are kept.</summary>
    public bool ConsentToKeepData { get; set; }
}

/// <summary>What an intake made: the intake to show, and why it ended as it did.</summary>
public sealed record Admitted(int IntakeId, string Explanation);

/// <summary>
/// Screens and admits a woman. The outcome comes from <see cref="AdmissionPolicy"/> over tonight's
/// beds, read and written in one IMMEDIATE transaction as at check-in. Documents never gate
/// anything: a missing one opens a recovery follow-up. OST or ART opens her medication record.
/// </summary>
public sealed class NewIntake(ShelterDbContext db, BedStates states, Placement placement, PartnerDirectoryReader directory,
    TimeProvider clock,
    IHttpContextAccessor http, IStringLocalizer<SharedResource> L)
{
    /// <summary>Her children's ages and sexes and her screening, once the form holds together.</summary>
    private sealed record Checked(List<int> Ages, IReadOnlyList<ChildSex?> Sexes, HitsScreening? Hits);

    public Task<IReadOnlyList<DirectoryEntry>> PartnersAsync(CancellationToken ct) => directory.ActiveAsync(ct);

    public async Task<Outcome<Admitted>> HandleAsync(IntakeForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<string>();
        var household = Check(form, now, errors);
        if (errors.Count > 0) return Outcome.Refused<Admitted>(errors);

        var answers = Answers(form, household);
        var partners = await directory.LoadAsync(form.RefusedByPartnerId is int refused ? [refused] : [], DateOnly.FromDateTime(now), ct);

        await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
        await BedLock.TakeAsync(db, ct);
        var (sites, beds) = await states.LoadAsync(now, ct);
        var decision = AdmissionPolicy.Decide(answers, beds.Select(b => b.Bed).ToList(), partners);

        var resident = NewResident(form, answers, household, now);
        db.Residents.Add(resident);
        var intake = NewIntakeRecord(form, resident, answers, household.Hits, decision, now);
        db.Intakes.Add(intake);

        try
        {
            await db.SaveChangesAsync(ct);
            await PlaceOrWaitAsync(form, resident, intake, answers, household, decision, sites, beds, now, ct);
            if (form.ConsentToKeepData)
            {
                StartCareRecords(resident, answers, form.MedicationUntil, now);
            }
            RecordBarrier(form, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome.Refused<Admitted>("Someone took that bed a moment ago. "
                + "Nothing is saved yet: submit the intake again for the next bed.");
        }
        return Outcome.Made(new Admitted(intake.Id, L.Say(decision.Says)));
    }

    /// <summary>Her children and her screening as the form gives them;
    /// what does not hold together goes to <paramref name="errors"/>.</summary>
    private Checked Check(IntakeForm form, DateTime now, List<string> errors)
    {
        var ages = ChildAges.Parse(form.ChildAges, out var ageError);
        if (ageError is not null) errors.Add(L.Say(ageError));
        var sexes = ChildSexes(ages, form.SonsAges, errors);
        var hits = Screening(form, errors);
        if (form.DateOfBirth is { } dob && dob > InputBounds.LatestToday(now)) errors.Add("The date of birth cannot be in the future.");
        if (form.MedicationUntil is not null && form.TakesOst != Answer.Yes && form.TakesArt != Answer.Yes)
            errors.Add("The medication date goes with OST or ART: answer Yes to one of them, or leave the date empty.");
        if (form.RefusedBecause is not null && form.RefusedByPartnerId is null && string.IsNullOrWhiteSpace(form.RefusedByOther))
            errors.Add("Say which service turned her away, or leave the refusal empty.");
        return new Checked(ages, sexes, hits);
    }

    private static IntakeAnswers Answers(IntakeForm form, Checked household) => new()
    {
        Route = form.Route!.Value, ChildAges = household.Ages, ChildSexes = household.Sexes, TransWoman = form.TransWoman,
        NeedsAccessibleRoom = form.NeedsAccessibleRoom, Pregnant = form.Pregnant,
        TakesOst = form.TakesOst, TakesArt = form.TakesArt, HasEnoughMedication = form.HasEnoughMedication,
        MissingDocuments = form.MissingDocuments.Aggregate(Core.Intake.MissingDocuments.None, (all, d) => all | d),
        GenderIdentity = form.GenderIdentity, Languages = form.Languages, Hits = household.Hits, InDangerNow = form.InDangerNow,
        HasSafetyPlan = form.HasSafetyPlan, Choice = form.Choice, NeedsHospitalCareNow = form.NeedsHospitalCareNow,
        LeftBeforeDecision = form.LeftBeforeDecision,
    };

    /// <summary>Her record: only her alias without her consent to keep data; her children as beds, not records, then.</summary>
    private Resident NewResident(IntakeForm form, IntakeAnswers answers, Checked household, DateTime now)
    {
        var consent = form.ConsentToKeepData;
        var resident = new Resident
        {
            Alias = form.Alias.Trim(), RegisteredAt = now, ConsentToKeepData = consent,
            LegalName = consent ? FormText.Clean(form.LegalName) : null,
            DateOfBirth = consent ? form.DateOfBirth : null,
            GenderIdentity = consent ? FormText.Clean(form.GenderIdentity) : null,
            Languages = consent ? FormText.Clean(form.Languages) : null,
            NeedsAccessibleRoom = consent && form.NeedsAccessibleRoom,
            HighRisk = consent && answers.HighRisk,
        };
        // Children are residents too; without her consent they are beds, not records: no name, no age.
        var (ages, sexes) = (household.Ages, household.Sexes);
        for (var i = 0; i < ages.Count; i++)
            resident.Children.Add(new Child
            {
                Alias = L["Child {0}", i + 1].Value, AgeAtArrival = consent ? ages[i] : null,
                Sex = consent ? sexes[i] : null, ArrivedOn = DateOnly.FromDateTime(now),
            });
        return resident;
    }

    private Core.Intake.Intake NewIntakeRecord(IntakeForm form, Resident resident, IntakeAnswers answers,
        HitsScreening? hits, AdmissionDecision decision, DateTime now)
    {
        var consent = form.ConsentToKeepData;
        var intake = new Core.Intake.Intake
        {
            Resident = resident, ReceivedAt = now, ConsentToKeepData = consent,
            RecordedByUserId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            Outcome = decision.Outcome, Reason = decision.Reason, ProposedPartnerId = decision.ProposedPartner?.Id,
        };
        if (decision.Proposal is { } proposal)
        {
            var rank = 0;
            foreach (var (p, outreach) in proposal.Partners.Select(p => (p, false)).Concat(proposal.Outreach is { } o ? [(o, true)] : []))
                intake.Proposals.Add(new IntakeProposal
                {
                    PartnerId = p.Partner.Id, Rank = ++rank, Outreach = outreach,
                    // What a partner is not known to accept names her needs: kept only with her consent.
                    Fits = consent ? IntakeProposal.Join(p.Fits) : null, NotKnown = consent ? IntakeProposal.Join(p.NotKnown) : null,
                });
        }
        if (consent)
        {
            intake.Route = answers.Route;
            intake.HitsHurt = hits?.Hurt; intake.HitsInsult = hits?.Insult; intake.HitsThreaten = hits?.Threaten; intake.HitsScream =
                hits?.Scream;
            intake.HitsTotal = hits?.Total;
            intake.InDangerNow = form.InDangerNow;
            intake.HasSafetyPlan = form.HasSafetyPlan;
            intake.Pregnant = form.Pregnant;
        }
        return intake;
    }

    /// <summary>The bed the decision found (her stay and her children's), or her place on the waiting list.</summary>
    private async Task PlaceOrWaitAsync(IntakeForm form, Resident resident, Core.Intake.Intake intake,
        IntakeAnswers answers, Checked household,
        AdmissionDecision decision, IReadOnlyList<SiteNow> sites, IReadOnlyList<BedNow> beds, DateTime now, CancellationToken ct)
    {
        var consent = form.ConsentToKeepData;
        if (decision.Beds is { } suggestion)
        {
            var bed = beds.First(b => b.Bed.BedId == suggestion.BedId);
            var site = sites.First(s => s.Id == bed.Bed.SiteId);
            var stay = await placement.PlaceAsync(new PlacementRequest(resident, bed, suggestion.BedIds, site), now, ct);
            intake.StayId = stay.Id;
        }
        else if (decision.Outcome == IntakeOutcome.WaitingList)
        {
            db.WaitingList.Add(new WaitingEntry
            {
                ResidentId = resident.Id, IntakeId = intake.Id, Since = now,
                HighRisk = consent && answers.HighRisk, HitsTotal = consent ? household.Hits?.Total : null,
                Children = household.Ages.Count, NeedsAccessibleRoom = form.NeedsAccessibleRoom,
            });
        }
    }

    /// <summary>Her medication continuity and the recovery of what she lost start the day she arrives.</summary>
    private void StartCareRecords(Resident resident, IntakeAnswers answers, DateOnly? medicationUntil, DateTime now)
    {
        foreach (var (kind, answer) in new[] { (MedicationKind.Ost, answers.TakesOst), (MedicationKind.Art, answers.TakesArt) })
        {
            if (answer != Answer.Yes) continue;
            var programme = new MedicationProgramme
            {
                ResidentId = resident.Id, Kind = kind,
                HasEnoughAtIntake = answers.HasEnoughMedication, RecordedAt = now
            };
            programme.SupplyLastsUntil(DateOnly.FromDateTime(now), medicationUntil);
            db.MedicationProgrammes.Add(programme);
        }
        foreach (var missing in Enum.GetValues<MissingDocuments>()
            .Where(d => d != Core.Intake.MissingDocuments.None && answers.MissingDocuments.HasFlag(d)))
        {
            var recovery = new DocumentRecovery { ResidentId = resident.Id, Document = ToDocumentType(missing), StartedAt = now };
            db.DocumentRecoveries.Add(recovery);
            db.FollowUps.Add(new FollowUp
            {
                Kind = FollowUpKind.DocumentRecovery, ResidentId = resident.Id, DueAt = now.AddDays(2),
                CreatedAt = now, Recovery = recovery
            });
        }
    }

    private void RecordBarrier(IntakeForm form, DateTime now)
    {
        if (form.RefusedBecause is not { } reason) return;
        db.Barriers.Add(new BarrierRecord
        {
            PartnerId = form.RefusedByPartnerId, OtherServiceName = form.RefusedByPartnerId is null ? FormText.Clean(form.RefusedByOther)
                : null,
            Reason = reason, On = BarrierRecord.WeekOf(DateOnly.FromDateTime(now)),
        });
    }

    /// <summary>Boys by age among her children; the rest are girls once her sons are named, not said otherwise.</summary>
    private IReadOnlyList<ChildSex?> ChildSexes(IReadOnlyList<int> ages, string? sonsAges, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(sonsAges)) return ages.Select(_ => (ChildSex?)null).ToList();
        var sons = ChildAges.Parse(sonsAges, out var error).ToList();
        if (error is not null) { errors.Add(L.Say(error)); return ages.Select(_ => (ChildSex?)null).ToList(); }
        var sexes = new List<ChildSex?>();
        foreach (var age in ages)
        {
            var boy = sons.Remove(age);
            sexes.Add(boy ? ChildSex.Boy : ChildSex.Girl);
        }
        if (sons.Count > 0) errors.Add("Each son's age must be one of the children's ages.");
        return sexes;
    }

    private HitsScreening? Screening(IntakeForm form, List<string> errors)
    {
        int?[] items = [form.Hurt, form.Insult, form.Threaten, form.Scream];
        if (items.All(i => i is null)) return null;
        if (items.Any(i => i is null))
        {
            errors.Add("Score all four HITS questions (Hurt, Insult, Threaten, Scream) from 1 to 5, or leave all four empty.");
            return null;
        }
        var (screening, problem) = HitsScreening.Screen(form.Hurt!.Value, form.Insult!.Value, form.Threaten!.Value, form.Scream!.Value);
        if (problem is not null) errors.Add(L.Say(problem));
        return screening;
    }

    private static DocumentType ToDocumentType(MissingDocuments missing) => missing switch
    {
        Core.Intake.MissingDocuments.Passport => DocumentType.Passport,
        Core.Intake.MissingDocuments.NationalId => DocumentType.NationalId,
        Core.Intake.MissingDocuments.ChildBirthCertificate => DocumentType.ChildBirthCertificate,
        Core.Intake.MissingDocuments.MedicalRecords => DocumentType.MedicalRecords,
        Core.Intake.MissingDocuments.ResidenceRegistration => DocumentType.ResidenceRegistration,
        _ => DocumentType.SocialBenefitPapers,
    };
}
