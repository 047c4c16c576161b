namespace Shelter.Core.Medication;

public enum ContinuityStatus
{
    Covered = 1,
    AtRisk = 2,
    Broken = 3,
}

public sealed record ContinuityResult(ContinuityStatus Status, string Why)
{
    public bool NeedsAttention => Status != ContinuityStatus.Covered;
}

/// <summary>
/// Whether a resident will keep getting her medication. Broken: her supply ended and no
/// dispensing was recorded since. At risk: it ends within two days, the next pick-up is not
/// arranged, or her dispensing site is closed when she needs it. "Today" is the site's day.
/// </summary>
public static class ContinuityCheck
{
    public const int AtRiskWithinDays = 2;

    public static ContinuityResult Check(MedicationProgramme programme, DateOnly today, IEnumerable<DispensingSiteClosure> closuresOfHerSite)
    {
        var closures = closuresOfHerSite.ToList();
        return programme.Schedule == DispensingSchedule.SupervisedDaily
            ? CheckSupervised(programme, today, closures)
            : CheckTakeHome(programme, today, closures);
    }

    /// <summary>A dose each day at the site: a missed day is a break; the site must be open today and tomorrow.</summary>
    private static ContinuityResult CheckSupervised(MedicationProgramme programme, DateOnly today, List<DispensingSiteClosure> closures)
    {
        var last = programme.LastDispensedOn;
        if (last is null || last < today.AddDays(-1))
            return new(ContinuityStatus.Broken, last is null ? "No dose at her site has been recorded." : $"Her last recorded dose was on {last:dd MMM}: she has missed daily dosing.");
        var closure = closures.FirstOrDefault(c => c.Covers(today) || c.Covers(today.AddDays(1)));
        if (closure is not null)
            return new(ContinuityStatus.AtRisk, $"Her dispensing site is closed from {closure.From:dd MMM}{(closure.To is { } to ? $" to {to:dd MMM}" : "")}: arrange another site or take-home doses.");
        if (programme.NextPickupOn is null || programme.NextPickupOn < today)
            return new(ContinuityStatus.AtRisk, "Her next dose at the site is not arranged.");
        return new(ContinuityStatus.Covered, $"Daily at her site; last dose {last:dd MMM}.");
    }

    private static ContinuityResult CheckTakeHome(MedicationProgramme programme, DateOnly today, List<DispensingSiteClosure> closures)
    {
        var until = programme.SupplyUntil;
        if (until is null)
            return new(ContinuityStatus.AtRisk, "Her supply on hand is not recorded.");
        if (until < today)
            return new(ContinuityStatus.Broken, $"Her supply ended on {until:dd MMM} and no dispensing has been recorded since.");

        var daysLeft = until.Value.DayNumber - today.DayNumber;
        var closure = closures.FirstOrDefault(c => c.Covers(today) || (programme.NextPickupOn is { } next && c.Covers(next)));
        if (closure is not null)
            return new(ContinuityStatus.AtRisk, $"Her dispensing site is closed from {closure.From:dd MMM}{(closure.To is { } to ? $" to {to:dd MMM}" : "")}: arrange another site.");
        if (daysLeft <= AtRiskWithinDays)
            return new(ContinuityStatus.AtRisk, daysLeft switch
            {
                0 => "Her supply ends today.",
                1 => "Her supply ends tomorrow.",
                _ => $"Her supply ends in {daysLeft} days.",
            });
        if (programme.NextPickupOn is null || programme.NextPickupOn < today)
            return new(ContinuityStatus.AtRisk, "Her next pick-up is not arranged.");
        if (programme.NextPickupOn > Validation.InputBounds.AddDaysSaturating(until.Value, 1))
            return new(ContinuityStatus.AtRisk, $"Her next pick-up ({programme.NextPickupOn:dd MMM}) is after her supply ends ({until:dd MMM}).");
        return new(ContinuityStatus.Covered, $"Covered until {until:dd MMM}; next pick-up {programme.NextPickupOn:dd MMM}.");
    }
}
