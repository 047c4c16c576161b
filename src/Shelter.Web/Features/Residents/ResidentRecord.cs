using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Consents;
using Shelter.Core.Data;
using Shelter.Core.Documents;
using Shelter.Core.FollowUps;
using Shelter.Core.Residents;
using Shelter.Core.Stays;
using Shelter.Web.Care;
using Shelter.Web.Infrastructure.Audit;

namespace Shelter.Web.Features.Residents;

/// <summary>What one reader may see of medication: the details, only that it needs attention, or nothing.</summary>
public enum MedicationView { None, NeedsAttentionOnly, Details }

public sealed record ResidentPage(
    Resident Resident, Stay? CurrentStay, IReadOnlyList<Stay> PastStays, IReadOnlyList<Core.Intake.Intake> Intakes,
    MedicationView MedicationView, bool MedicationNeedsAttention, IReadOnlyList<ProgrammeStatus> Medication,
    IReadOnlyList<DocumentRecovery> Documents, IReadOnlyList<FollowUp> OpenFollowUps,
    IReadOnlyList<Consent> Consents, IReadOnlyList<Referral> Referrals, bool Waiting, DateOnly Today);

/// <summary>
/// One resident's record. Need-to-know: case managers see her medication, staff see only that it
/// needs attention, social workers see none of it. Every view is audit-logged.
/// </summary>
public sealed class ResidentRecord(ShelterDbContext db, AuditLog audit, Continuity continuity, TimeProvider clock)
{
    public async Task<ResidentPage?> HandleAsync(int id, ClaimsPrincipal reader, CancellationToken ct)
    {
        var resident = await db.Residents.AsNoTracking().Include(r => r.Children).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (resident is null) return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var stays = await db.Stays.AsNoTracking().Include(s => s.Bed).ThenInclude(b => b.Room).ThenInclude(r => r.Site)
            .Where(s => s.ResidentId == id && s.ChildId == null).OrderByDescending(s => s.StartedAt).ToListAsync(ct);
        var view = reader.IsInRole(Roles.CaseManager) ? MedicationView.Details
            : reader.IsInRole(Roles.Staff) ? MedicationView.NeedsAttentionOnly
            : MedicationView.None;
        var medication = view == MedicationView.None ? [] : await continuity.LoadAsync(id, ct);
        var attention = medication.Any(m => m.Result.NeedsAttention);
        if (view == MedicationView.Details && medication.Count > 0) await audit.ViewedAsync("Medication", id);
        var kinds = CaseWorkAccess.KindsFor(reader);

        return new ResidentPage(
            resident,
            stays.FirstOrDefault(s => s.EndedAt is null),
            stays.Where(s => s.EndedAt is not null).ToList(),
            await db.Intakes.AsNoTracking().Where(i => i.ResidentId == id).OrderByDescending(i => i.ReceivedAt).ToListAsync(ct),
            view, attention, view == MedicationView.Details ? medication : [],
            reader.IsInRole(Roles.CaseManager) ? await db.DocumentRecoveries.AsNoTracking().Where(d => d.ResidentId == id)
                .OrderBy(d => d.StartedAt).ToListAsync(ct) : [],
            await db.FollowUps.AsNoTracking().Where(f => f.ResidentId == id && f.Status == FollowUpStatus.Open && kinds.Contains(f.Kind))
                .OrderBy(f => f.DueAt).ToListAsync(ct),
            await db.Consents.AsNoTracking().Include(c => c.Partner).Where(c => c.ResidentId == id).OrderByDescending(c => c.GivenAt)
                .ToListAsync(ct),
            await db.Referrals.AsNoTracking().Include(r => r.Partner).Where(r => r.ResidentId == id).OrderByDescending(r => r.MadeAt)
                .ToListAsync(ct),
            await db.WaitingList.AnyAsync(w => w.ResidentId == id && w.ClosedAt == null, ct),
            today);
    }
}
