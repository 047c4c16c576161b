using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Partners;
using Shelter.Core.Validation;
using Shelter.Web.Infrastructure;

namespace Shelter.Web.Features.Partners;

public sealed class BarrierForm
{
    public int? PartnerId { get; set; }

    [StringLength(160, ErrorMessage = "Keep the service's name under 160 characters.")]
    public string? OtherServiceName { get; set; }

    [Required(ErrorMessage = "Choose the reason they gave.")]
    public BarrierReason? Reason { get; set; }

    [Required(ErrorMessage = "Choose the day it happened.")]
    [DayWithin(DayRange.Past, "The day she was refused")]
    public DateOnly? On { get; set; }
}

public sealed record BarrierRow(DateOnly On, string Service, BarrierReason Reason);

/// <summary>The barrier log: refusals by other services, never linked to the woman refused.</summary>
public sealed class RecordBarrier(ShelterDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<BarrierRow>> ListAsync(CancellationToken ct) =>
        await db.Barriers.AsNoTracking().OrderByDescending(b => b.On).ThenBy(b => b.Reason).Take(500)
            .Select(b => new BarrierRow(b.On, b.Partner != null ? b.Partner.Name : b.OtherServiceName ?? "", b.Reason))
            .ToListAsync(ct);

    public async Task<Outcome> HandleAsync(BarrierForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (form.PartnerId is null && string.IsNullOrWhiteSpace(form.OtherServiceName))
            return Outcome.Refused("Say which service refused her.");
        if (form.PartnerId is int pid && !await db.Partners.AnyAsync(p => p.Id == pid, ct))
            return Outcome.Refused("That partner is not in the directory.");
        if (form.On > InputBounds.LatestToday(now)) return Outcome.Refused("The day cannot be in the future.");
        var barrier = new BarrierRecord
        {
            PartnerId = form.PartnerId, OtherServiceName = form.PartnerId is null ? form.OtherServiceName!.Trim() : null,
            Reason = form.Reason!.Value, On = BarrierRecord.WeekOf(form.On!.Value),
        };
        db.Barriers.Add(barrier); // no audit row: its moment and author would lead back to her intake
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
