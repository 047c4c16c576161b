using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shelter.Core.Beds;
using Shelter.Core.Data;
using Shelter.Core.Intake;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Housing;

/// <summary>How long a place stays true without contact (`Waiting__FollowUpAfterDays`, …).</summary>
public sealed class WaitingListOptions
{
    public int FollowUpAfterDays { get; set; } = 7;
    public int LapsesAfterDays { get; set; } = 14;
    public int AttemptsBeforeNoContact { get; set; } = 3;

    public WaitingListTerms Terms => new(FollowUpAfterDays, LapsesAfterDays, AttemptsBeforeNoContact);
}

/// <param name="Unanswered">Tries to reach her since she was last reached.</param>
public sealed record WaitingRow(int EntryId, int ResidentId, string Alias, DateTime Since, bool HighRisk, int? HitsTotal, int Children,
    bool NeedsAccessibleRoom, BedSuggestion? FitsNow,
    DateTime LastContact = default, int Unanswered = 0, bool FollowUpDue = false, bool Lapsed = false, DateTime LapsesAt = default);

/// <summary>
/// Who waits for a bed, most urgent first: high risk, then the HITS score, then children,
/// then the longest wait. For each, whether a bed that fits her is free right now, and whether
/// anyone has been in touch lately.
/// </summary>
public sealed class WaitingList(ShelterDbContext db, BedStates states, SiteScope scope, TimeProvider clock,
    IOptions<WaitingListOptions> options)
{
    public WaitingListTerms Terms => options.Value.Terms;

    public async Task<IReadOnlyList<WaitingRow>> HandleAsync(CancellationToken ct) => (await LoadAsync(ct)).Rows;

    public async Task<(IReadOnlyList<WaitingRow> Rows, BedsThatFit Fit)> LoadAsync(CancellationToken ct)
    {
        var open = db.WaitingList.AsNoTracking().Where(w => w.ClosedAt == null);
        open = await scope.OnlyReachableAsync(open, w => w.ResidentId, ct);
        var entries = await open
            .OrderByDescending(w => w.HighRisk).ThenByDescending(w => w.HitsTotal ?? 0).ThenByDescending(w => w.Children)
                .ThenBy(w => w.Since)
            .Select(w => new
            {
                Entry = w, w.Resident.Alias,
                Unanswered = w.Contacts.Count(c => !c.Reached && (w.LastContactAt == null || c.At > w.LastContactAt)),
            })
            .ToListAsync(ct);
        if (entries.Count == 0) return ([], new BedsThatFit(0, 0));
        var now = clock.GetUtcNow().UtcDateTime;
        var terms = Terms;
        // A bed "fits now" only where the reader can check her in: her own sites, or all for staff and jobs.
        var (_, beds) = await states.LoadMineAsync(now, ct);
        var candidates = beds.Select(b => b.Bed).ToList();
        var rows = entries.Select(e =>
        {
            var w = e.Entry;
            return new WaitingRow(w.Id, w.ResidentId, e.Alias, w.Since, w.HighRisk, w.HitsTotal, w.Children, w.NeedsAccessibleRoom,
                BedAllocator.Suggest(Need(w), candidates).Suggestion,
                WaitingListRemoval.LastContact(w), e.Unanswered, WaitingListRemoval.NeedsFollowUp(w, now, terms),
                WaitingListRemoval.Lapsed(w, now, terms),
                WaitingListRemoval.LapsesAt(w, terms));
        }).ToList();
        // A lapsed place is not counted as a woman a bed fits until someone reaches her again.
        var fit = WaitingListFit.Count(entries.Where(e => !WaitingListRemoval.Lapsed(e.Entry, now, terms)).Select(e => Need(e.Entry))
            .ToList(), candidates);
        return (rows, fit);
    }

    private static HousingNeed Need(WaitingEntry w) => new(w.Children, w.NeedsAccessibleRoom, w.HighRisk);
}
