using System.ComponentModel.DataAnnotations;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Beds;
using Shelter.Core.Data;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Integrity;

namespace Shelter.Web.Features.Beds;

public sealed class HoldForm
{
    [Range(1, 48, ErrorMessage = "Hold a bed for 1 to 48 hours.")]
    public int Hours { get; set; } = 4;

    [Required(ErrorMessage = "Say how she is coming.")]
    public ArrivalRoute? ComingThrough { get; set; }
}

/// <summary>
/// Keeps a free bed for a woman on her way. The release is a Hangfire job at the end of the
/// hold; the hold row is the truth, so the job is safe to run twice or late.
/// </summary>
public sealed class Hold(ShelterDbContext db, BedStates states, Outbox outbox, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task<Outcome> HandleAsync(int bedId, HoldForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
        await BedLock.TakeAsync(db, ct);
        var (_, beds) = await states.LoadAsync(now, ct);
        var bed = beds.FirstOrDefault(b => b.Bed.BedId == bedId);
        if (bed is null) return Outcome.NotFound;
        if (bed.Bed.State != BedState.Free) return Outcome.Refused("That bed is no longer free.");

        var hold = BedHold.Take(bedId, form.ComingThrough!.Value, now, TimeSpan.FromHours(form.Hours));
        db.BedHolds.Add(hold);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // The hold row is what lasts: a release that runs for a rolled-back hold finds nothing, and start-up reschedules.
        jobs.Schedule<BedHoldReleaser>(r => r.ReleaseIfExpiredAsync(hold.Id), hold.HeldUntil - now);
        return Outcome.Done;
    }

    public async Task<Outcome> CancelAsync(int holdId, CancellationToken ct)
    {
        var hold = await db.BedHolds.FirstOrDefaultAsync(h => h.Id == holdId && h.ReleasedAt == null, ct);
        if (hold is null) return Outcome.NotFound;
        hold.Cancel(clock.GetUtcNow().UtcDateTime);
        outbox.WaitingListNotice();
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
