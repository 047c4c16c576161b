using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Sites;
using Shelter.Core.Validation;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Integrity;

namespace Shelter.Web.Features.Sites;

public sealed class OutOfServiceForm
{
    [Required(ErrorMessage = "Choose the first day the bed cannot be used.")]
    [DayWithin(DayRange.CaseWork, "The first day")]
    public DateOnly? From { get; set; }

    /// <summary>The last day out of service; empty means until further notice.</summary>
    [DayWithin(DayRange.CaseWork, "The last day")]
    public DateOnly? To { get; set; }

    [Required(ErrorMessage = "Choose why.")]
    public OutOfServiceReason? Reason { get; set; }
}

/// <summary>
/// Takes a bed out of service for a range of days, or puts it back. A bed someone sleeps in
/// tonight cannot be taken out from today: move her first.
/// </summary>
public sealed class PutOutOfService(ShelterDbContext db, Outbox outbox, TimeProvider clock)
{
    public async Task<Bed?> FindBedAsync(int siteId, int bedId, CancellationToken ct) =>
        await db.Beds.Include(b => b.Room).ThenInclude(r => r.Site)
            .FirstOrDefaultAsync(b => b.Id == bedId && b.Room.SiteId == siteId, ct);

    public async Task<Outcome> HandleAsync(int siteId, int bedId, OutOfServiceForm form, CancellationToken ct)
    {
        var bed = await FindBedAsync(siteId, bedId, ct);
        if (bed is null) return Outcome.Refused("That bed is not at this site.");
        if (form.To is { } to && to < form.From) return Outcome.Refused("The last day cannot come before the first day.");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = SiteTime.Today(bed.Room.Site.TimeZoneId, now);
        if (form.To is { } end && end < today) return Outcome.Refused("That range is already over; choose days from today on.");
        var coversToday = form.From <= today && (form.To is null || form.To >= today);
        if (coversToday && await db.Stays.AnyAsync(s => s.BedId == bedId && s.EndedAt == null, ct))
            return Outcome.Refused("Someone sleeps in this bed tonight. Move her first, or start the range tomorrow.");
        if (await db.BedsOutOfService.AnyAsync(o => o.BedId == bedId && o.From <= (form.To ?? DateOnly.MaxValue)
            && (o.To == null || o.To >= form.From), ct))
            return Outcome.Refused("The bed is already out of service for some of those days.");

        var record = new BedOutOfService
        {
            BedId = bedId, From = form.From!.Value, To = form.To, Reason = form.Reason!.Value,
            RecordedAt = now
        };
        db.BedsOutOfService.Add(record);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The bed is usable again from today.</summary>
    public async Task<Outcome> BackInServiceAsync(int siteId, int recordId, CancellationToken ct)
    {
        var record = await db.BedsOutOfService.Include(o => o.Bed).ThenInclude(b => b.Room).ThenInclude(r => r.Site)
            .FirstOrDefaultAsync(o => o.Id == recordId && o.Bed.Room.SiteId == siteId, ct);
        if (record is null) return Outcome.Refused("That record is not at this site.");
        var today = SiteTime.Today(record.Bed.Room.Site.TimeZoneId, clock.GetUtcNow().UtcDateTime);
        if (record.From >= today) db.BedsOutOfService.Remove(record);
        else record.To = today.AddDays(-1);
        outbox.WaitingListNotice();
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
