using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Documents;
using Shelter.Core.FollowUps;
using Shelter.Core.Validation;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Features.Documents;

public sealed class RecoveryStepForm
{
    [Required(ErrorMessage = "Choose the step.")]
    public RecoveryStepKind? Kind { get; set; }

    [Required(ErrorMessage = "Choose the day.")]
    [DayWithin(DayRange.Past, "The day of the step")]
    public DateOnly? On { get; set; }

    [StringLength(500, ErrorMessage = "Keep the note under 500 characters.")]
    public string? Note { get; set; }

    [StringLength(200, ErrorMessage = "Keep the office under 200 characters.")]
    public string? IssuingOffice { get; set; }

    [Range(0, 100000, ErrorMessage = "Fees are 0 to 100,000.")]
    public decimal? Fees { get; set; }

    [DayWithin(DayRange.CaseWork, "The next step's due date")]
    public DateOnly? NextStepDueOn { get; set; }
}

public sealed class NewRecoveryForm
{
    [Required(ErrorMessage = "Choose the document.")]
    public DocumentType? Document { get; set; }
    public int? ChildId { get; set; }
}

public sealed record RecoveryRow(int Id, int ResidentId, string Alias, DocumentType Document, int AgeInDays, RecoveryStepKind? LastStep,
    DateTime? NextDue);

public sealed record RecoveryPage(DocumentRecovery Recovery, string Alias, FollowUp? NextStep);

/// <summary>
/// Recovering lost or withheld documents, step by step: reported to the police, application filed,
/// appointment, issued, collected. The open follow-up carries the next step's due date.
/// </summary>
public sealed class DocumentWork(ShelterDbContext db, SiteScope scope, TimeProvider clock, Shared.SiteClock sites)
{
    public async Task<IReadOnlyList<RecoveryRow>> OpenAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.DocumentRecoveries.AsNoTracking().Where(d => d.Status == RecoveryStatus.Open);
        open = await scope.OnlyReachableAsync(open, d => d.ResidentId, ct);
        var rows = await open.OrderBy(d => d.StartedAt)
            .Select(d => new
            {
                d.Id, d.ResidentId, Alias = db.Residents.Where(r => r.Id == d.ResidentId).Select(r => r.Alias).First(), d.Document,
                d.StartedAt,
                Last = d.Steps.OrderByDescending(s => s.On).Select(s => (RecoveryStepKind?)s.Kind).FirstOrDefault(),
                Next = db.FollowUps.Where(f => f.DocumentRecoveryId == d.Id && f.Status == FollowUpStatus.Open)
                    .Select(f => (DateTime?)f.DueAt).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(r => new RecoveryRow(r.Id, r.ResidentId, r.Alias, r.Document, (int)(now - r.StartedAt).TotalDays, r.Last,
            r.Next)).ToList();
    }

    public async Task<RecoveryPage?> PageAsync(int id, CancellationToken ct)
    {
        var recovery = await db.DocumentRecoveries.AsNoTracking().Include(d => d.Steps).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (recovery is null) return null;
        var alias = await db.Residents.Where(r => r.Id == recovery.ResidentId).Select(r => r.Alias).FirstAsync(ct);
        var next = await db.FollowUps.AsNoTracking()
            .FirstOrDefaultAsync(f => f.DocumentRecoveryId == id && f.Status == FollowUpStatus.Open, ct);
        return new RecoveryPage(recovery, alias, next);
    }

    public async Task<Outcome<int>> StartAsync(int residentId, NewRecoveryForm form, CancellationToken ct)
    {
        if (!await db.Residents.AnyAsync(r => r.Id == residentId, ct)) return Outcome.NotFoundOf<int>();
        if (form.ChildId is int child && !await db.Children.AnyAsync(c => c.Id == child && c.ResidentId == residentId, ct))
            return Outcome.Refused<int>("That child is not hers.");
        var now = clock.GetUtcNow().UtcDateTime;
        var recovery = new DocumentRecovery
        {
            ResidentId = residentId, ChildId = form.ChildId, Document = form.Document!.Value,
            StartedAt = now
        };
        db.DocumentRecoveries.Add(recovery);
        db.FollowUps.Add(new FollowUp
        {
            Kind = FollowUpKind.DocumentRecovery, ResidentId = residentId, ChildId = form.ChildId,
            Recovery = recovery, DueAt = now.AddDays(2), CreatedAt = now
        });
        await db.SaveChangesAsync(ct);
        return Outcome.Made(recovery.Id);
    }

    public async Task<Outcome> StepAsync(int id, RecoveryStepForm form, CancellationToken ct)
    {
        var recovery = await db.DocumentRecoveries.Include(d => d.Steps).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (recovery is null) return Outcome.NotFound;
        if (recovery.Status != RecoveryStatus.Open) return Outcome.Refused("This recovery is closed.");
        var now = clock.GetUtcNow().UtcDateTime;
        var hours = await sites.OfResidentAsync(recovery.ResidentId, ct);
        var today = hours.Today(now);
        if (form.On > today) return Outcome.Refused("A step cannot be recorded in the future; set it as the next step's due date instead.");
        if (form.NextStepDueOn is { } due && due < today) return Outcome.Refused("The next step cannot be due in the past.");
        recovery.Steps.Add(new RecoveryStep
        {
            Kind = form.Kind!.Value, On = form.On!.Value, Note = string.IsNullOrWhiteSpace(form.Note)
            ? null : form.Note.Trim(), RecordedAt = now
        });
        if (!string.IsNullOrWhiteSpace(form.IssuingOffice)) recovery.IssuingOffice = form.IssuingOffice.Trim();
        if (form.Fees is not null) recovery.Fees = form.Fees;
        var followUp = await db.FollowUps.FirstOrDefaultAsync(f => f.DocumentRecoveryId == id && f.Status == FollowUpStatus.Open, ct);
        if (form.Kind is RecoveryStepKind.Collected)
        {
            recovery.Status = RecoveryStatus.Collected;
            recovery.ClosedAt = now;
            if (followUp is not null) { followUp.Status = FollowUpStatus.Done; followUp.ClosedAt = now; }
        }
        else
        {
            if (form.Kind is RecoveryStepKind.Issued) recovery.Status = RecoveryStatus.Open; // issued, still to be collected
            var nextDue = form.NextStepDueOn is { } next ? hours.DueAt(next) : now.AddDays(7);
            if (followUp is null)
                db.FollowUps.Add(new FollowUp
                {
                    Kind = FollowUpKind.DocumentRecovery, ResidentId = recovery.ResidentId,
                    ChildId = recovery.ChildId, DocumentRecoveryId = id, DueAt = nextDue, CreatedAt = now
                });
            else followUp.DueAt = nextDue;
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>She does not want to go on (her choice: recorded as declined, not as failure).</summary>
    public async Task<Outcome> DeclineAsync(int id, CancellationToken ct)
    {
        var recovery = await db.DocumentRecoveries.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (recovery is null) return Outcome.NotFound;
        if (recovery.Status != RecoveryStatus.Open) return Outcome.Refused("That recovery is not open.");
        var now = clock.GetUtcNow().UtcDateTime;
        recovery.Status = RecoveryStatus.DeclinedByHer;
        recovery.ClosedAt = now;
        foreach (var f in await db.FollowUps.Where(f => f.DocumentRecoveryId == id && f.Status == FollowUpStatus.Open).ToListAsync(ct))
        {
            f.Status = FollowUpStatus.DeclinedByHer;
            f.ClosedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
