using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Intake;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Features.Intake;

/// <param name="ReachesHer">False when she was placed at a site the reader does not work at: her record is the staff's there.</param>
public sealed record IntakePage(Core.Intake.Intake Intake, string Alias, int Children, IReadOnlyList<IntakeProposal> Proposals,
    string? BedText, HitsScreening? Hits, bool ReachesHer = true)
{
    public IEnumerable<IntakeProposal> Proposed => Proposals.Where(p => !p.Outreach);
    public IntakeProposal? Outreach => Proposals.FirstOrDefault(p => p.Outreach);
    /// <summary>An outcome without a bed and no partner known to take her: say so.</summary>
    public bool NoneFits => Intake.Outcome != IntakeOutcome.Bed && Intake.Reason != OutcomeReason.SafetyFirst && !Proposed.Any();
}

/// <summary>The outcome of one intake, as staff see it right after the decision.</summary>
public sealed class IntakeDetails(ShelterDbContext db, SiteScope scope)
{
    public async Task<IntakePage?> HandleAsync(int id, CancellationToken ct)
    {
        var intake = await db.Intakes.AsNoTracking().Include(i => i.Resident).ThenInclude(r => r.Children)
            .FirstOrDefaultAsync(i => i.Id == id, ct);
        if (intake is null) return null;
        var proposals = await db.IntakeProposals.AsNoTracking().Include(p => p.Partner).Where(p => p.IntakeId == id).OrderBy(p => p.Rank)
            .ToListAsync(ct);
        var bed = intake.StayId is int sid
            ? await db.Stays.Where(s => s.Id == sid).Select(s => s.Bed.Label + ", " + s.Bed.Room.Name + ", " + s.Bed.Room.Site.Name)
                .FirstOrDefaultAsync(ct)
            : null;
        // All four answers or none: a row with a total but a missing answer (an old import) shows no screening rather than failing.
        var hits = intake is { HitsHurt: int h, HitsInsult: int i, HitsThreaten: int t, HitsScream: int s }
            ? HitsScreening.Create(h, i, t, s).Screening
            : null;
        return new IntakePage(intake, intake.Resident.Alias, intake.Resident.Children.Count, proposals, bed, hits,
            await scope.ReachesResidentAsync(intake.ResidentId, ct));
    }
}
