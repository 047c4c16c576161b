using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.FollowUps;
using Shelter.Core.Medication;
using Shelter.Core.Partners;
using Shelter.Core.Validation;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Features.Medication;

public sealed class ClosureForm
{
    [Required(ErrorMessage = "Choose the dispensing site that closes.")]
    public int? PartnerId { get; set; }

    [Required(ErrorMessage = "Choose the first day it is closed.")]
    [DayWithin(DayRange.CaseWork, "The first day of the closure")]
    public DateOnly? From { get; set; }

    [DayWithin(DayRange.CaseWork, "The last day of the closure")]
    public DateOnly? To { get; set; }

    [Required(ErrorMessage = "Choose why it closes.")]
    public ClosureReason? Reason { get; set; }
}

public sealed record AffectedResident(int ResidentId, string Alias, MedicationKind Kind);

public sealed record ClosurePage(DispensingSiteClosure Closure, string Site, IReadOnlyList<AffectedResident> Affected);

/// <summary>
/// A dispensing site closes (a lockdown, armed conflict): every resident who depends on it is
/// listed at once and gets a continuity follow-up, so nobody finds out at the closed door.
/// </summary>
public sealed class RecordClosure(ShelterDbContext db, SiteScope scope, TimeProvider clock)
{
    public async Task<IReadOnlyList<Partner>> DispensingSitesAsync(CancellationToken ct) =>
        await db.Partners.AsNoTracking().Where(p => p.Kind == PartnerKind.Medical || p.Kind == PartnerKind.HarmReduction)
            .OrderBy(p => p.Name).ToListAsync(ct);

    /// <summary>Records the closure; what it makes is the closure's id.</summary>
    public async Task<Outcome<int>> HandleAsync(ClosureForm form, CancellationToken ct)
    {
        if (form.To is { } to && to < form.From) return Outcome.Refused<int>("The last day cannot come before the first day.");
        if (!await db.Partners.AnyAsync(p => p.Id == form.PartnerId, ct))
            return Outcome.Refused<int>("That dispensing site is not in the partner directory.");
        var now = clock.GetUtcNow().UtcDateTime;
        var closure = new DispensingSiteClosure
        {
            PartnerId = form.PartnerId!.Value, From = form.From!.Value, To = form.To,
            Reason = form.Reason!.Value, RecordedAt = now
        };
        db.DispensingSiteClosures.Add(closure);
        await db.SaveChangesAsync(ct);
        var dependent = await db.MedicationProgrammes.Where(m => m.DispensingSiteId == closure.PartnerId && m.EndedAt == null)
            .ToListAsync(ct);
        var ids = dependent.Select(m => m.Id).ToList();
        var alreadyOpen = await db.FollowUps.Where(f => f.Kind == FollowUpKind.MedicationContinuity && f.Status == FollowUpStatus.Open
            && ids.Contains(f.MedicationProgrammeId!.Value))
            .Select(f => f.MedicationProgrammeId!.Value).ToListAsync(ct);
        foreach (var programme in dependent.Where(m => !alreadyOpen.Contains(m.Id)))
            db.FollowUps.Add(new FollowUp
            {
                Kind = FollowUpKind.MedicationContinuity, ResidentId = programme.ResidentId,
                MedicationProgrammeId = programme.Id, DueAt = now, CreatedAt = now
            });
        await db.SaveChangesAsync(ct);
        return Outcome.Made(closure.Id);
    }

    public async Task<ClosurePage?> LoadAsync(int closureId, CancellationToken ct)
    {
        var closure = await db.DispensingSiteClosures.AsNoTracking().FirstOrDefaultAsync(c => c.Id == closureId, ct);
        if (closure is null) return null;
        var site = await db.Partners.Where(p => p.Id == closure.PartnerId).Select(p => p.Name).FirstAsync(ct);
        // Every dependant got a follow-up; the page lists those of the reader's sites.
        var programmes = await (await scope.OnlyReachableAsync(
            db.MedicationProgrammes.AsNoTracking().Where(m => m.DispensingSiteId == closure.PartnerId && m.EndedAt == null),
            m => m.ResidentId, ct)).ToListAsync(ct);
        var residentIds = programmes.Select(m => m.ResidentId).ToList();
        var aliases = await db.Residents.Where(r => residentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Alias, ct);
        return new ClosurePage(closure, site, programmes.Select(m => new AffectedResident(m.ResidentId, aliases[m.ResidentId], m.Kind))
            .OrderBy(a => a.Alias).ToList());
    }

    public async Task<IReadOnlyList<(DispensingSiteClosure Closure, string Site)>> ListAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var closures = await db.DispensingSiteClosures.AsNoTracking().Where(c => c.To == null || c.To >= today).OrderBy(c => c.From)
            .ToListAsync(ct);
        var names = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return closures.Select(c => (c, names[c.PartnerId])).ToList();
    }
}
