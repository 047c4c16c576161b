using Microsoft.EntityFrameworkCore;
using Shelter.Core.Beds;
using Shelter.Core.Data;
using Shelter.Web.Features.Beds;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Features.Intake;

public sealed record WaitingRow(int EntryId, int ResidentId, string Alias, DateTime Since, bool HighRisk, int? HitsTotal, int Children, bool NeedsAccessibleRoom, BedSuggestion? FitsNow);

/// <summary>
/// Who waits for a bed, most urgent first: high risk, then the HITS score, then children,
/// then the longest wait. For each, whether a bed that fits her is free right now.
/// </summary>
public sealed class WaitingList(ShelterDbContext db, BedStates states, SiteScope scope, TimeProvider clock)
{
    public async Task<IReadOnlyList<WaitingRow>> HandleAsync(CancellationToken ct)
    {
        var open = db.WaitingList.AsNoTracking().Where(w => w.ClosedAt == null);
        if (await scope.ResidentIdsAsync(ct) is { } reachable) open = open.Where(w => reachable.Contains(w.ResidentId));
        var entries = await open
            .OrderByDescending(w => w.HighRisk).ThenByDescending(w => w.HitsTotal ?? 0).ThenByDescending(w => w.Children).ThenBy(w => w.Since)
            .Select(w => new { w.Id, w.ResidentId, w.Resident.Alias, w.Since, w.HighRisk, w.HitsTotal, w.Children, w.NeedsAccessibleRoom })
            .ToListAsync(ct);
        if (entries.Count == 0) return [];
        // A bed "fits now" only where the reader can check her in: her own sites, or all for staff and jobs.
        var (_, beds) = await states.LoadMineAsync(clock.GetUtcNow().UtcDateTime, ct);
        var candidates = beds.Select(b => b.Bed).ToList();
        return entries.Select(e => new WaitingRow(e.Id, e.ResidentId, e.Alias, e.Since, e.HighRisk, e.HitsTotal, e.Children, e.NeedsAccessibleRoom,
            BedAllocator.Suggest(new HousingNeed(e.Children, e.NeedsAccessibleRoom, e.HighRisk), candidates).Suggestion)).ToList();
    }
}
