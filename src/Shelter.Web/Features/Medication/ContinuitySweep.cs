using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Shelter.Core.Accounts;
using Shelter.Core.Data;
using Shelter.Core.FollowUps;
using Shelter.Core.Medication;
using Shelter.Web.Care;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Email;
using Shelter.Web.Infrastructure.Integrity;
using Shelter.Web.Infrastructure.Jobs;

namespace Shelter.Web.Features.Medication;

/// <summary>
/// The daily continuity sweep, and the same check for one woman at check-in, move and check-out.
/// Each at-risk or broken programme gets one open follow-up for the case managers; they get one
/// digest a day with counts and a link: no names, no medication. Safe to run any number of times.
/// </summary>
public sealed class ContinuitySweep(ShelterDbContext db, Continuity continuity, UserManager<ShelterUser> users, Outbox outbox,
    IOptions<ShelterLinks> links, TimeProvider clock, IStringLocalizer<SharedResource> L, ILogger<ContinuitySweep> log)
    : IScheduleSource, IResidentContinuityCheck
{
    public const string JobId = "medication:continuity-sweep";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task SweepAsync()
    {
        // Every woman the organisation holds: in the house, in a safe room, waiting or referred (rule 12).
        var statuses = (await continuity.LoadAsync()).Where(s => s.Held).ToList();
        var opened = await OpenFollowUpsAsync(statuses);
        var atRisk = statuses.Count(s => s.Result.Status == ContinuityStatus.AtRisk);
        var broken = statuses.Count(s => s.Result.Status == ContinuityStatus.Broken);
        log.LogInformation("Continuity sweep: {AtRisk} at risk, {Broken} broken, {Opened} follow-ups opened", atRisk, broken, opened);
        await SnapshotAsync(statuses.Count, atRisk, broken);
        if (atRisk + broken == 0) return;

        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var caseManagers = (await users.GetUsersInRoleAsync(Roles.CaseManager))
            .Where(u => u.LockoutEnd != DateTimeOffset.MaxValue && u.Email is not null).ToList();
        await Notices.QueueOnceAsync(db, outbox, clock, $"continuity-digest:{day:yyyy-MM-dd}", caseManagers, () =>
        {
            var subject = L["Medication continuity: {0} broken, {1} at risk", broken, atRisk].Value;
            return (subject,
                $"{L["{0} today.", subject]}\n\n{L["Open the continuity page in Shelter:"]}\n"
                    + $"{links.Value.PublicUrl.TrimEnd('/')}/medication\n");
        });
    }

    /// <summary>Today's counts for the reports; a second run the same day replaces the first.</summary>
    private async Task SnapshotAsync(int programmes, int atRisk, int broken)
    {
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.JoinOrBeginTransactionAsync(CancellationToken.None);
        var snapshot = await db.ContinuitySnapshots.FirstOrDefaultAsync(s => s.Day == day);
        if (snapshot is null) db.ContinuitySnapshots.Add(snapshot = new ContinuitySnapshot { Day = day });
        snapshot.Programmes = programmes;
        snapshot.AtRisk = atRisk;
        snapshot.Broken = broken;
        snapshot.Covered = programmes - atRisk - broken;
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    /// <summary>The check for one woman, when she arrives, moves or leaves.</summary>
    public async Task CheckResidentAsync(int residentId) =>
        await OpenFollowUpsAsync((await continuity.LoadAsync(residentId)).Where(s => s.Held).ToList());

    private async Task<int> OpenFollowUpsAsync(IReadOnlyList<ProgrammeStatus> statuses)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var needing = statuses.Where(s => s.Result.NeedsAttention).Select(s => s.Programme.Id).ToList();
        if (needing.Count == 0) return 0;
        // Read what is open and open the rest in one transaction: a parallel check waits rather than collides.
        await using var tx = await db.Database.JoinOrBeginTransactionAsync(CancellationToken.None);
        var open = await db.FollowUps.Where(f => f.Kind == FollowUpKind.MedicationContinuity && f.Status == FollowUpStatus.Open
            && needing.Contains(f.MedicationProgrammeId!.Value))
            .Select(f => f.MedicationProgrammeId!.Value).ToListAsync();
        var opened = 0;
        foreach (var status in statuses.Where(s => s.Result.NeedsAttention && !open.Contains(s.Programme.Id)))
        {
            db.FollowUps.Add(new FollowUp
            {
                Kind = FollowUpKind.MedicationContinuity, ResidentId = status.ResidentId, MedicationProgrammeId = status.Programme.Id,
                DueAt = now, CreatedAt = now,
            });
            opened++;
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return opened;
    }

    public Task RebuildAsync(IRecurringJobManager recurring, IBackgroundJobClient jobs, CancellationToken ct)
    {
        recurring.AddOrUpdate<ContinuitySweep>(JobId, s => s.SweepAsync(), "0 5 * * *");
        return Task.CompletedTask;
    }
}
