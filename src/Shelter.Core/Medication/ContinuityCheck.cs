using Shelter.Core.Text;

namespace Shelter.Core.Medication;

public enum ContinuityStatus
{
    Covered = 1,
    AtRisk = 2,
    Broken = 3,
}

/// <summary>What the clinical rule asks at her next supervised dose after missed days (national OST guidelines).</summary>
public enum NextDoseStep
{
    /// <summary>No missed days, or few enough to take her usual dose.</summary>
    UsualDose = 0,
    /// <summary>The prescriber reviews the dose before she takes it.</summary>
    PrescriberReviewsDose = 1,
    /// <summary>Too many days missed: she starts again with a new induction.</summary>
    NewInduction = 2,
}

/// <param name="Reason">Why, for the worker: an English resource key and its values (see <see cref="Said"/>).</param>
/// <param name="BitesOn">The day the risk becomes real (a closure, a closed weekend day, her stay's end), when it lies ahead.</param>
/// <param name="MissedDays">Consecutive days of supervised dosing missed up to yesterday.</param>
public sealed record ContinuityResult(ContinuityStatus Status, Said Reason, DateOnly? BitesOn = null, int MissedDays = 0,
    NextDoseStep NextDose = NextDoseStep.UsualDose)
{
    public bool NeedsAttention => Status != ContinuityStatus.Covered;

    /// <summary>The reason in English.</summary>
    public string Why => Reason.ToString();
}

/// <summary>The clinical rule for missed supervised doses; the numbers follow national guidelines and are configurable.</summary>
public sealed record MissedDoseRule(int ReviewAfterDays = 3, int InductionAfterDays = 5)
{
    public NextDoseStep StepAfter(int missedDays) =>
        missedDays >= InductionAfterDays ? NextDoseStep.NewInduction
        : missedDays >= ReviewAfterDays ? NextDoseStep.PrescriberReviewsDose
        : NextDoseStep.UsualDose;
}

/// <summary>What the check looks ahead at, besides recorded closures of her dispensing site.</summary>
/// <param name="OpenDays">The days of the week her dispensing site opens; null when not recorded (taken as every day).</param>
/// <param name="StayEndsOn">The last day of her stay with us, when she is housed.</param>
/// <param name="LookAheadDays">How far ahead a recorded closure makes a supervised-dosing woman at risk today.</param>
public sealed record ContinuityOutlook(IReadOnlySet<DayOfWeek>? OpenDays = null, DateOnly? StayEndsOn = null, int LookAheadDays = 7,
    MissedDoseRule? Missed = null)
{
    public static readonly ContinuityOutlook None = new();
    public MissedDoseRule MissedDoses => Missed ?? new MissedDoseRule();
}

/// <summary>
/// Whether a woman will keep getting her medication, looking ahead (PRODUCT rule 12: a closure
/// next week is a risk today). Broken: her supply ended, or she missed supervised doses, with no
/// dispensing recorded since. At risk: it ends within two days, the next pick-up is not arranged,
/// her site is closed on a day she needs it (a recorded closure, a holiday or a day of the week it
/// does not open), or her stay ends before her next pick-up — each with the date it bites.
/// "Today" is the local day of the site she sleeps at.
/// </summary>
public static class ContinuityCheck
{
    public const int AtRiskWithinDays = 2;

    public static ContinuityResult Check(MedicationProgramme programme, DateOnly today,
        IEnumerable<DispensingSiteClosure> closuresOfHerSite) =>
        Check(programme, today, closuresOfHerSite, ContinuityOutlook.None);

    public static ContinuityResult Check(MedicationProgramme programme, DateOnly today,
        IEnumerable<DispensingSiteClosure> closuresOfHerSite, ContinuityOutlook outlook)
    {
        var closures = closuresOfHerSite.ToList();
        return programme.Schedule == DispensingSchedule.SupervisedDaily
            ? CheckSupervised(programme, today, closures, outlook)
            : CheckTakeHome(programme, today, closures, outlook);
    }

    /// <summary>Consecutive days without a supervised dose, today not counted (she may still come).</summary>
    public static int MissedDays(DateOnly? lastDispensed, DateOnly today) =>
        lastDispensed is { } last ? Math.Max(0, today.DayNumber - last.DayNumber - 1) : 0;

    /// <summary>A dose each day at the site: a missed day is a break; the site must open every day ahead.</summary>
    private static ContinuityResult CheckSupervised(MedicationProgramme programme, DateOnly today, List<DispensingSiteClosure> closures,
        ContinuityOutlook outlook)
    {
        var last = programme.LastDispensedOn;
        if (last is null)
            return new(ContinuityStatus.Broken, new("No dose at her site has been recorded."));
        var missed = MissedDays(last, today);
        if (missed > 0)
        {
            var step = outlook.MissedDoses.StepAfter(missed);
            Said next = step switch
            {
                NextDoseStep.NewInduction =>
                    new("After {0} missed days she needs a new induction: the prescriber starts her again.", missed),
                NextDoseStep.PrescriberReviewsDose =>
                    new("After {0} missed days the prescriber reviews her dose before the next one.", missed),
                _ => new("She can take her usual dose when she comes."),
            };
            Said reason = missed == 1
                ? new("Her last recorded dose was on {0:dd MMM}: she has missed 1 day of daily dosing. {1}", last, next)
                : new("Her last recorded dose was on {0:dd MMM}: she has missed {1} days of daily dosing. {2}", last, missed, next);
            return new(ContinuityStatus.Broken, reason, null, missed, step);
        }

        // A recorded closure (incl. a holiday) within the look-ahead, or a day of the week it does not open within two days.
        var closedOn = FirstClosedDay(today, today.AddDays(outlook.LookAheadDays), closures, null)
            ?? FirstClosedDay(today, today.AddDays(AtRiskWithinDays), [], outlook.OpenDays);
        if (closedOn is { } day)
            return AtRisk(new("Her dispensing site is closed on {0:ddd dd MMM} ({1}): arrange take-home doses or another site before then.",
                day, ClosureText(day, closures)), day);
        if (outlook.StayEndsOn is { } end && end <= today.AddDays(outlook.LookAheadDays))
            return AtRisk(new("Her stay ends on {0:dd MMM}: arrange her daily dosing from where she goes next.", end), end);
        if (programme.NextPickupOn is null || programme.NextPickupOn < today)
            return AtRisk(new("Her next dose at the site is not arranged."));
        return new(ContinuityStatus.Covered, new("Daily at her site; last dose {0:dd MMM}.", last));
    }

    private static ContinuityResult CheckTakeHome(MedicationProgramme programme, DateOnly today, List<DispensingSiteClosure> closures,
        ContinuityOutlook outlook)
    {
        var until = programme.SupplyUntil;
        if (until is null)
            return new(ContinuityStatus.AtRisk, new("Her supply on hand is not recorded."));
        if (until < today)
            return new(ContinuityStatus.Broken, new("Her supply ended on {0:dd MMM} and no dispensing has been recorded since.", until));

        var daysLeft = until.Value.DayNumber - today.DayNumber;
        var runsOut = Validation.InputBounds.AddDaysSaturating(until.Value, 1);
        var closedToday = closures.FirstOrDefault(c => c.Covers(today));
        if (closedToday is not null)
        {
            Said closed = closedToday.To is { } to
                ? new("Her dispensing site is closed from {0:dd MMM} to {1:dd MMM}: arrange another site.", closedToday.From, to)
                : new("Her dispensing site is closed from {0:dd MMM}: arrange another site.", closedToday.From);
            return AtRisk(closed, today);
        }
        if (programme.NextPickupOn is { } pickup && pickup >= today
            && FirstClosedDay(pickup, pickup, closures, outlook.OpenDays) is { } closedPickup)
            return AtRisk(new(
                "Her pick-up on {0:ddd dd MMM} falls on a day her site is closed ({1}): move it to an open day before {2:dd MMM}.",
                closedPickup, ClosureText(closedPickup, closures), runsOut), closedPickup);
        // Every day from today until she runs out is closed: she cannot get there in time.
        if (OpenDayBetween(today, until.Value, closures, outlook.OpenDays) is null)
            return AtRisk(new("Her site is not open on any day before her supply ends ({0:dd MMM}): arrange a supply now.", until.Value),
                until.Value);
        if (daysLeft <= AtRiskWithinDays)
            return AtRisk(daysLeft switch
            {
                0 => new("Her supply ends today."),
                1 => new("Her supply ends tomorrow."),
                _ => new Said("Her supply ends in {0} days.", daysLeft),
            }, until.Value);
        if (programme.NextPickupOn is not { } nextPickup || nextPickup < today)
            return AtRisk(new("Her next pick-up is not arranged."));
        if (nextPickup > runsOut)
            return AtRisk(new("Her next pick-up ({0:dd MMM}) is after her supply ends ({1:dd MMM}).", nextPickup, until.Value), runsOut);
        if (outlook.StayEndsOn is { } end && end < nextPickup)
            return AtRisk(new("Her stay ends on {0:dd MMM}, before her next pick-up ({1:dd MMM}): arrange it from where she goes next.",
                end, nextPickup), end);
        return new(ContinuityStatus.Covered, new("Covered until {0:dd MMM}; next pick-up {1:dd MMM}.", until.Value, nextPickup));
    }

    private static ContinuityResult AtRisk(Said why, DateOnly? bitesOn = null) => new(ContinuityStatus.AtRisk, why, bitesOn);

    public static bool IsOpen(DateOnly day, IReadOnlyList<DispensingSiteClosure> closures, IReadOnlySet<DayOfWeek>? openDays) =>
        !closures.Any(c => c.Covers(day)) && (openDays is null || openDays.Count == 0 || openDays.Contains(day.DayOfWeek));

    private static DateOnly? FirstClosedDay(DateOnly from, DateOnly to, IReadOnlyList<DispensingSiteClosure> closures,
        IReadOnlySet<DayOfWeek>? openDays) =>
        Days(from, to).Cast<DateOnly?>().FirstOrDefault(day => !IsOpen(day!.Value, closures, openDays));

    private static DateOnly? OpenDayBetween(DateOnly from, DateOnly to, IReadOnlyList<DispensingSiteClosure> closures,
        IReadOnlySet<DayOfWeek>? openDays) =>
        Days(from, to).Cast<DateOnly?>().FirstOrDefault(day => IsOpen(day!.Value, closures, openDays));

    /// <summary>The days from one to the other, at most a year and a month of them: a stored date near year 9999 neither overflows nor
    /// loops for ever.</summary>
    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        var count = Math.Min((long)to.DayNumber - from.DayNumber, 400);
        for (var n = 0; n <= count; n++) yield return DateOnly.FromDayNumber(from.DayNumber + n);
    }

    /// <summary>Why her site is closed that day, said in brackets after the day.</summary>
    private static Said ClosureText(DateOnly day, IReadOnlyList<DispensingSiteClosure> closures) =>
        closures.FirstOrDefault(c => c.Covers(day)) is not { } c ? new("it does not open that day of the week")
        : c.Reason == ClosureReason.Holiday ? new("a holiday")
        : c.To is { } to ? new("closed from {0:dd MMM} to {1:dd MMM}", c.From, to)
        : new("closed from {0:dd MMM}", c.From);
}
