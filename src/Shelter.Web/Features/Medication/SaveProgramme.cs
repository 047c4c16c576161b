using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Medication;
using Shelter.Core.Validation;
using Shelter.Web.Features.Shared;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Integrity;

namespace Shelter.Web.Features.Medication;

public sealed class ProgrammeForm
{
    [Required(ErrorMessage = "Choose the kind of treatment.")]
    public MedicationKind? Kind { get; set; }

    [StringLength(120, ErrorMessage = "Keep the medicine under 120 characters.")]
    public string? Medicine { get; set; }

    [StringLength(80, ErrorMessage = "Keep the dose under 80 characters.")]
    public string? Dose { get; set; }

    public int? DispensingSiteId { get; set; }
    public DispensingSchedule Schedule { get; set; } = DispensingSchedule.TakeHome;

    [Range(0, InputBounds.MaxSupplyDays, ErrorMessage = "Supply on hand is 0 to 180 days.")]
    public int? SupplyDays { get; set; }
    [DayWithin(DayRange.Past, "The day her supply was counted")]
    public DateOnly? SupplyAsOf { get; set; }
    [DayWithin(DayRange.CaseWork, "The next pick-up")]
    public DateOnly? NextPickupOn { get; set; }
    [DayWithin(DayRange.Past, "The last dispensing")]
    public DateOnly? LastDispensedOn { get; set; }

    [Range(1, 90, ErrorMessage = "A usual supply is 1 to 90 days.")]
    public int? UsualSupplyDays { get; set; }

    [StringLength(120, ErrorMessage = "Keep the pick-up window under 120 characters.")]
    public string? PickupWindow { get; set; }

    [StringLength(1000, ErrorMessage = "Keep the notes under 1000 characters.")]
    public string? Notes { get; set; }
}

public sealed class DispensingForm
{
    [Required(ErrorMessage = "Choose the day she got her medication.")]
    [DayWithin(DayRange.Past, "The day she got her medication")]
    public DateOnly? On { get; set; }

    [Range(1, InputBounds.MaxDaysSupplied, ErrorMessage = "Days supplied is 1 to 90.")]
    public int DaysSupplied { get; set; } = 1;

    public DateOnly? NextPickupOn { get; set; }
}

/// <summary>A case manager records, changes and ends a programme, and records each dispensing.</summary>
public sealed class SaveProgramme(ShelterDbContext db, Outbox outbox, TimeProvider clock, SiteClock sites)
{
    public async Task<MedicationProgramme?> FindAsync(int id, CancellationToken ct) =>
        await db.MedicationProgrammes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.EndedAt == null, ct);

    public static ProgrammeForm FormOf(MedicationProgramme p) => new()
    {
        Kind = p.Kind, Medicine = p.Medicine, Dose = p.Dose, DispensingSiteId = p.DispensingSiteId, Schedule = p.Schedule,
        SupplyDays = p.SupplyDays, SupplyAsOf = p.SupplyAsOf, NextPickupOn = p.NextPickupOn, LastDispensedOn = p.LastDispensedOn,
        UsualSupplyDays = p.UsualSupplyDays, PickupWindow = p.PickupWindow, Notes = p.Notes,
    };

    public async Task<Outcome> HandleAsync(int residentId, int? programmeId, ProgrammeForm form, CancellationToken ct)
    {
        if (!await db.Residents.AnyAsync(r => r.Id == residentId, ct)) return Outcome.NotFound;
        if (form.SupplyDays is not null && form.SupplyAsOf is null) return Outcome.Refused("Say as of which day she has that supply.");
        if (form.DispensingSiteId is int site && !await db.Partners.AnyAsync(p => p.Id == site, ct))
            return Outcome.Refused("That dispensing site is not in the partner directory.");
        var now = clock.GetUtcNow().UtcDateTime;
        var programme = programmeId is int id
            ? await db.MedicationProgrammes.FirstOrDefaultAsync(m => m.Id == id && m.ResidentId == residentId && m.EndedAt == null, ct)
            : new MedicationProgramme { ResidentId = residentId, RecordedAt = now };
        if (programme is null) return Outcome.NotFound;
        programme.Kind = form.Kind!.Value;
        programme.Medicine = FormText.Clean(form.Medicine);
        programme.Dose = FormText.Clean(form.Dose);
        programme.DispensingSiteId = form.DispensingSiteId;
        programme.Schedule = form.Schedule;
        programme.SupplyDays = form.SupplyDays;
        programme.SupplyAsOf = form.SupplyDays is null ? null : form.SupplyAsOf;
        programme.NextPickupOn = form.NextPickupOn;
        programme.LastDispensedOn = form.LastDispensedOn;
        programme.UsualSupplyDays = form.UsualSupplyDays;
        programme.PickupWindow = FormText.Clean(form.PickupWindow);
        programme.Notes = FormText.Clean(form.Notes);
        if (programmeId is null) db.MedicationProgrammes.Add(programme);
        outbox.ContinuityCheck(residentId); // after her programme rows exist, never before
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>She picked up her medication (or took her dose at the site): the supply starts again from that day.</summary>
    public async Task<Outcome> DispensedAsync(int programmeId, DispensingForm form, CancellationToken ct)
    {
        var programme = await db.MedicationProgrammes.FirstOrDefaultAsync(m => m.Id == programmeId && m.EndedAt == null, ct);
        if (programme is null) return Outcome.NotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        // Her day is her site's: at 00:30 in Kyiv the dispensing of "today" is after the server's UTC day.
        var today = Core.Sites.SiteTime.Today((await sites.OfResidentAsync(programme.ResidentId, ct)).TimeZoneId, now);
        if (form.On > today) return Outcome.Refused("A dispensing cannot be recorded in the future.");
        if (form.NextPickupOn is { } next && next < form.On) return Outcome.Refused("The next pick-up cannot be before this one.");
        programme.LastDispensedOn = form.On;
        programme.SupplyAsOf = form.On;
        programme.SupplyDays = form.DaysSupplied;
        programme.NextPickupOn = form.NextPickupOn ?? form.On!.Value.AddDays(form.DaysSupplied);
        // The woman is covered again: close the open continuity follow-up if the check now agrees.
        var result = ContinuityCheck.Check(programme, today,
            await db.DispensingSiteClosures.Where(c => c.PartnerId == programme.DispensingSiteId).ToListAsync(ct));
        if (!result.NeedsAttention)
        {
            foreach (var f in await db.FollowUps.Where(f => f.MedicationProgrammeId == programme.Id
                && f.Status == Core.FollowUps.FollowUpStatus.Open).ToListAsync(ct))
            {
                f.Status = Core.FollowUps.FollowUpStatus.Done;
                f.ClosedAt = clock.GetUtcNow().UtcDateTime;
            }
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> EndAsync(int programmeId, CancellationToken ct)
    {
        var programme = await db.MedicationProgrammes.FirstOrDefaultAsync(m => m.Id == programmeId && m.EndedAt == null, ct);
        if (programme is null) return Outcome.NotFound;
        programme.EndedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var f in await db.FollowUps.Where(f => f.MedicationProgrammeId == programme.Id
            && f.Status == Core.FollowUps.FollowUpStatus.Open).ToListAsync(ct))
        {
            f.Status = Core.FollowUps.FollowUpStatus.Cancelled;
            f.ClosedAt = programme.EndedAt;
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
