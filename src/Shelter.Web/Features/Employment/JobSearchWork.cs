using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Employment;
using Shelter.Core.FollowUps;
using Shelter.Core.Validation;
using Shelter.Web.Features.Shared;
using Shelter.Web.Infrastructure;

namespace Shelter.Web.Features.Employment;

public sealed class JobStepForm
{
    [Required(ErrorMessage = "Choose the step.")]
    public JobSearchStepKind? Kind { get; set; }

    [Required(ErrorMessage = "Choose the day.")]
    [DayWithin(DayRange.CaseWork, "The day of the step")]
    public DateOnly? On { get; set; }

    [StringLength(160, ErrorMessage = "Keep the employer under 160 characters.")]
    public string? Employer { get; set; }

    [StringLength(500, ErrorMessage = "Keep the note under 500 characters.")]
    public string? Note { get; set; }

    [DayWithin(DayRange.CaseWork, "The next step's due date")]
    public DateOnly? NextStepDueOn { get; set; }
}

public sealed record JobSearchPage(int ResidentId, string Alias, JobSearch? Search, string? StayConditions, FollowUp? Next);

/// <summary>
/// Her job search with her: employment-service registration, CV, interviews, training, offer,
/// start. Linked to her stay when its conditions ask for a job.
/// </summary>
public sealed class JobSearchWork(ShelterDbContext db, TimeProvider clock, Shared.SiteClock sites)
{
    public async Task<JobSearchPage?> PageAsync(int residentId, CancellationToken ct)
    {
        var alias = await db.Residents.Where(r => r.Id == residentId).Select(r => r.Alias).FirstOrDefaultAsync(ct);
        if (alias is null) return null;
        var search = await db.JobSearches.AsNoTracking().Include(j => j.Steps).Where(j => j.ResidentId == residentId)
            .OrderByDescending(j => j.StartedAt).FirstOrDefaultAsync(ct);
        var conditions = await db.Stays.Where(s => s.ResidentId == residentId && s.ChildId == null && s.EndedAt == null)
            .Select(s => s.Conditions).FirstOrDefaultAsync(ct);
        var next = search is null ? null : await db.FollowUps.AsNoTracking()
            .FirstOrDefaultAsync(f => f.JobSearchId == search.Id && f.Status == FollowUpStatus.Open, ct);
        return new JobSearchPage(residentId, alias, search, conditions, next);
    }

    public async Task<Outcome> StartAsync(int residentId, CancellationToken ct)
    {
        if (await db.JobSearches.AnyAsync(j => j.ResidentId == residentId && j.Status == JobSearchStatus.Open, ct))
            return Outcome.Refused("She already has an open job search.");
        if (!await db.Residents.AnyAsync(r => r.Id == residentId, ct)) return Outcome.NotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        var conditions = await db.Stays.Where(s => s.ResidentId == residentId && s.ChildId == null && s.EndedAt == null)
            .Select(s => s.Conditions).FirstOrDefaultAsync(ct);
        var search = new JobSearch
        {
            ResidentId = residentId, StartedAt = now,
            ConditionOfStay = JobSearchCondition.AskedFor(conditions)
        };
        db.JobSearches.Add(search);
        await db.SaveChangesAsync(ct);
        db.FollowUps.Add(new FollowUp
        {
            Kind = FollowUpKind.JobSearch, ResidentId = residentId, JobSearchId = search.Id,
            DueAt = now.AddDays(3), CreatedAt = now, What = FollowUpWhat.RegisterForWork
        });
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> StepAsync(int residentId, JobStepForm form, CancellationToken ct)
    {
        var search = await db.JobSearches.Include(j => j.Steps)
            .FirstOrDefaultAsync(j => j.ResidentId == residentId && j.Status == JobSearchStatus.Open, ct);
        if (search is null) return Outcome.Refused("She has no open job search.");
        var now = clock.GetUtcNow().UtcDateTime;
        var hours = await sites.OfResidentAsync(residentId, ct);
        var today = hours.Today(now);
        if (form.Kind == JobSearchStepKind.Interview && string.IsNullOrWhiteSpace(form.Employer))
            return Outcome.Refused("Say which employer the interview is with.");
        if (form.NextStepDueOn is { } due && due < today) return Outcome.Refused("The next step cannot be due in the past.");
        search.Steps.Add(new JobSearchStep
        {
            Kind = form.Kind!.Value, On = form.On!.Value, Employer = form.Employer?.Trim(),
            Note = form.Note?.Trim(), RecordedAt = now
        });
        var followUp = await db.FollowUps.FirstOrDefaultAsync(f => f.JobSearchId == search.Id && f.Status == FollowUpStatus.Open, ct);
        if (form.Kind == JobSearchStepKind.StartedWork)
        {
            search.Status = JobSearchStatus.Employed;
            if (followUp is not null) { followUp.Status = FollowUpStatus.Done; followUp.ClosedAt = now; }
        }
        else if (form.NextStepDueOn is { } next)
        {
            var dueAt = hours.DueAt(next);
            if (followUp is null) db.FollowUps.Add(new FollowUp
            {
                Kind = FollowUpKind.JobSearch, ResidentId = residentId,
                JobSearchId = search.Id, DueAt = dueAt, CreatedAt = now
            });
            else followUp.DueAt = dueAt;
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> DeclineAsync(int residentId, CancellationToken ct)
    {
        var search = await db.JobSearches.FirstOrDefaultAsync(j => j.ResidentId == residentId && j.Status == JobSearchStatus.Open, ct);
        if (search is null) return Outcome.Refused("She has no open job search.");
        var now = clock.GetUtcNow().UtcDateTime;
        search.Status = JobSearchStatus.DeclinedByHer;
        foreach (var f in await db.FollowUps.Where(f => f.JobSearchId == search.Id && f.Status == FollowUpStatus.Open).ToListAsync(ct))
        {
            f.Status = FollowUpStatus.DeclinedByHer;
            f.ClosedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
