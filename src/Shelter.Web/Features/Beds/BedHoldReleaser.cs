using Hangfire;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure.Integrity;
using Shelter.Web.Infrastructure.Jobs;

namespace Shelter.Web.Features.Beds;

/// <summary>
/// Frees held beds whose time has run out. Takes ids only; returns early when the hold is
/// gone or already released, so Hangfire's at-least-once delivery does no harm.
/// </summary>
public sealed class BedHoldReleaser(ShelterDbContext db, TimeProvider clock, Outbox outbox, ILogger<BedHoldReleaser> log) : IScheduleSource
{
    public const string SweepJobId = "bed-holds:release-expired";

    public async Task ReleaseIfExpiredAsync(int holdId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hold = await db.BedHolds.FirstOrDefaultAsync(h => h.Id == holdId);
        if (hold is null || !hold.ExpireIfDue(now)) return;
        outbox.WaitingListNotice();
        await db.SaveChangesAsync();
        log.LogInformation("Hold {HoldId} released after its time ran out", holdId);
    }

    /// <summary>The safety net: anything a lost schedule missed is released within a quarter of an hour.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task ReleaseAllExpiredAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.BedHolds.Where(h => h.ReleasedAt == null && h.HeldUntil <= now).ToListAsync();
        foreach (var hold in expired) hold.ExpireIfDue(now);
        if (expired.Count > 0) outbox.WaitingListNotice();
        await db.SaveChangesAsync();
    }

    public async Task RebuildAsync(IRecurringJobManager recurring, IBackgroundJobClient jobs, CancellationToken ct)
    {
        recurring.AddOrUpdate<BedHoldReleaser>(SweepJobId, r => r.ReleaseAllExpiredAsync(), "*/15 * * * *");
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.BedHolds.Where(h => h.ReleasedAt == null).Select(h => new { h.Id, h.HeldUntil }).ToListAsync(ct);
        foreach (var hold in open)
            jobs.Schedule<BedHoldReleaser>(r => r.ReleaseIfExpiredAsync(hold.Id), hold.HeldUntil > now ? hold.HeldUntil - now
                : TimeSpan.Zero);
    }
}
