using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Shelter.Core.Data;
using Shelter.Core.FollowUps;
using Shelter.Core.Intake;
using Shelter.Web.Features.Shared;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Jobs;
using Shelter.Web.Infrastructure.Localization;

namespace Shelter.Web.Features.Intake;

public sealed class WaitingRemovalForm
{
    [Required(ErrorMessage = "Choose why she leaves the waiting list.")]
    public WaitingClosed? Reason { get; set; }
}

public sealed class WaitingContactForm
{
    /// <summary>Whether the try reached her.</summary>
    public bool Reached { get; set; }
}

/// <summary>
/// Keeps the waiting list true: staff record tries to reach a woman and take her off the list
/// with a reason from a closed list; a daily sweep opens a follow-up for every place without
/// contact for the configured days, before it lapses. Safe to run any number of times.
/// </summary>
public sealed class WaitingListWork(ShelterDbContext db, TimeProvider clock, IHttpContextAccessor http,
    IOptions<WaitingListOptions> options, ILogger<WaitingListWork> log,
    IStringLocalizer<SharedResource> L)
    : IScheduleSource
{
    public const string JobId = "waiting-list:contact-sweep";

    public async Task<Outcome> RecordContactAsync(int entryId, WaitingContactForm form, CancellationToken ct)
    {
        var entry = await db.WaitingList.FirstOrDefaultAsync(w => w.Id == entryId, ct);
        if (entry is null || entry.ClosedAt is not null) return Outcome.Refused("She is no longer on the waiting list.");
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new WaitingContact { WaitingEntryId = entry.Id, At = now, Reached = form.Reached, RecordedByUserId = UserId });
        if (form.Reached)
        {
            entry.LastContactAt = now;
            // She was reached: the follow-up about reaching her is done.
            foreach (var f in await OpenFollowUps(entry.ResidentId).ToListAsync(ct)) { f.Status = FollowUpStatus.Done; f.ClosedAt = now; }
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> RemoveAsync(int entryId, WaitingRemovalForm form, CancellationToken ct)
    {
        var entry = await db.WaitingList.FirstOrDefaultAsync(w => w.Id == entryId, ct);
        if (entry is null || entry.ClosedAt is not null) return Outcome.Refused("She is no longer on the waiting list.");
        var unanswered = await db.Set<WaitingContact>()
            .CountAsync(c => c.WaitingEntryId == entry.Id && !c.Reached && (entry.LastContactAt == null || c.At > entry.LastContactAt), ct);
        if (WaitingListRemoval.Refusal(form.Reason!.Value, unanswered, options.Value.Terms) is { } refusal)
            return Outcome.Refused(L.Say(refusal));
        var now = clock.GetUtcNow().UtcDateTime;
        entry.ClosedAt = now;
        entry.Closed = form.Reason;
        foreach (var f in await OpenFollowUps(entry.ResidentId).ToListAsync(ct)) { f.Status = FollowUpStatus.Cancelled; f.ClosedAt = now; }
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>One follow-up per place without contact for the configured days; none while one is open.</summary>
    [Hangfire.DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task SweepAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var terms = options.Value.Terms;
        var open = await db.WaitingList.Where(w => w.ClosedAt == null).ToListAsync();
        var due = open.Where(w => WaitingListRemoval.NeedsFollowUp(w, now, terms)).ToList();
        if (due.Count == 0) return;
        var residents = due.Select(w => w.ResidentId).ToList();
        var already = await db.FollowUps.Where(f => f.Kind == FollowUpKind.WaitingListContact && f.Status == FollowUpStatus.Open
            && residents.Contains(f.ResidentId))
            .Select(f => f.ResidentId).ToListAsync();
        var opened = 0;
        foreach (var w in due.Where(w => !already.Contains(w.ResidentId)))
        {
            db.FollowUps.Add(new FollowUp
            {
                Kind = FollowUpKind.WaitingListContact, ResidentId = w.ResidentId, CreatedAt = now,
                DueAt = WaitingListRemoval.FollowUpDue(w, terms) > now ? WaitingListRemoval.FollowUpDue(w, terms) : now,
                What = FollowUpWhat.ReachHer,
            });
            opened++;
        }
        await db.SaveChangesAsync();
        log.LogInformation("Waiting-list sweep: {Opened} follow-ups opened", opened);
    }

    public Task RebuildAsync(IRecurringJobManager recurring, IBackgroundJobClient jobs, CancellationToken ct)
    {
        recurring.AddOrUpdate<WaitingListWork>(JobId, s => s.SweepAsync(), "30 5 * * *");
        return Task.CompletedTask;
    }

    private IQueryable<FollowUp> OpenFollowUps(int residentId) =>
        db.FollowUps.Where(f => f.Kind == FollowUpKind.WaitingListContact && f.ResidentId == residentId && f.Status == FollowUpStatus.Open);

    private string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
}
