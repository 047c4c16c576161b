using Shelter.Core.Text;

namespace Shelter.Core.Validation;

/// <summary>
/// The sane range of every date, count and number a form accepts, stated once. A year typed as
/// 9999 or 0202 is a typo, not a plan: the form says so instead of storing a date that later
/// breaks every page that computes with it.
/// </summary>
public static class InputBounds
{
    /// <summary>Days of medication supply on hand (0: she has none left).</summary>
    public const int MaxSupplyDays = 180;
    /// <summary>Days of supply handed out at one pick-up.</summary>
    public const int MaxDaysSupplied = 90;
    /// <summary>Hours a bed may be held for a woman on her way.</summary>
    public const int MaxHoldHours = 48;
    public const int MinSessionMinutes = 15, MaxSessionMinutes = 240;
    /// <summary>No report has data before this day.</summary>
    public static readonly DateOnly FirstReportDay = new(2000, 1, 1);

    /// <summary>
    /// The days it is somewhere on Earth at this moment (UTC−12 to UTC+14). A form's bounds use
    /// these, not the server's UTC day: at 00:30 in Kyiv (22:30 UTC) "today" is already tomorrow in
    /// UTC terms, and a worker recording what happened today must not be told it is in the future.
    /// The precise day of her site is checked where it matters (continuity, due dates).
    /// </summary>
    public static (DateOnly Earliest, DateOnly Latest) TodayAnywhere(DateTime utcNow) =>
        (DateOnly.FromDateTime(utcNow.AddDaysSaturating(-0.5)), DateOnly.FromDateTime(utcNow.AddDaysSaturating(14 / 24.0)));

    /// <summary>The latest day it is anywhere now: nothing that happened can be after it.</summary>
    public static DateOnly LatestToday(DateTime utcNow) => TodayAnywhere(utcNow).Latest;

    /// <summary>How far back and ahead a day in case work may lie: records of the last years, plans for the next two.</summary>
    public static (DateOnly Earliest, DateOnly Latest) CaseWorkDays(DateOnly today) => (today.AddYears(-5), today.AddYears(2));

    /// <summary>A day that happened: within the last five years and not after today.</summary>
    public static (DateOnly Earliest, DateOnly Latest) PastDays(DateOnly today) => (today.AddYears(-5), today);

    /// <summary>A birth date: a woman of 14 to 110.</summary>
    public static (DateOnly Earliest, DateOnly Latest) BirthDays(DateOnly today) => (today.AddYears(-110), today.AddYears(-14));

    /// <summary>Null when the day is empty or inside the range, otherwise a message that names the field and the range.</summary>
    public static Said? Bounds(DateOnly? day, (DateOnly Earliest, DateOnly Latest) range, string what) =>
        day is { } d && (d < range.Earliest || d > range.Latest)
            ? new Said("{0} must be between {1:dd MMM yyyy} and {2:dd MMM yyyy}.", new Said(what), range.Earliest, range.Latest)
            : null;

    /// <summary><see cref="Bounds(DateOnly?, ValueTuple{DateOnly, DateOnly}, string)"/> in English.</summary>
    public static string? Check(DateOnly? day, (DateOnly Earliest, DateOnly Latest) range, string what)
        => Bounds(day, range, what)?.ToString();

    public static string? Check(int? value, int min, int max, string what) =>
        value is { } v && (v < min || v > max) ? new Said("{0} must be from {1} to {2}.", new Said(what), min, max).ToString() : null;

    /// <summary>A report period: both ends inside what can exist (from 2000 to a year ahead), in order.</summary>
    public static (DateOnly From, DateOnly To) ReportPeriod(DateOnly from, DateOnly to, DateOnly today)
    {
        var latest = today.AddYears(1);
        static DateOnly Clamp(DateOnly d, DateOnly lo, DateOnly hi) => d < lo ? lo : d > hi ? hi : d;
        return (Clamp(from, FirstReportDay, latest), Clamp(to, FirstReportDay, latest));
    }

    /// <summary>Adds days to a moment without overflowing: a stored moment near year 9999 (or 1) stays at the edge.</summary>
    public static DateTime AddDaysSaturating(this DateTime moment, double days)
    {
        var ticks = (decimal)moment.Ticks + (decimal)days * TimeSpan.TicksPerDay;
        return ticks > DateTime.MaxValue.Ticks ? DateTime.SpecifyKind(DateTime.MaxValue, moment.Kind)
            : ticks < DateTime.MinValue.Ticks ? DateTime.SpecifyKind(DateTime.MinValue, moment.Kind)
            : moment.AddDays(days);
    }

    /// <summary>Adds days without overflowing: a stored day near year 9999 (or 1) stays at the edge instead of throwing.</summary>
    public static DateOnly AddDaysSaturating(this DateOnly day, long days)
    {
        var target = (long)day.DayNumber + days;
        return target < DateOnly.MinValue.DayNumber ? DateOnly.MinValue
            : target > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue
            : DateOnly.FromDayNumber((int)target);
    }
}

/// <summary>Which stretch of days a form's date may fall in.</summary>
public enum DayRange
{
    /// <summary>Case work: five years back to two years ahead.</summary>
    CaseWork,
    /// <summary>Something that happened: five years back to today.</summary>
    Past,
    /// <summary>A birth date.</summary>
    Birth,
    /// <summary>Something agreed for later: tomorrow to two years ahead.</summary>
    Ahead,
}

/// <summary>A form's date must lie in its <see cref="DayRange"/>; the message names the field and the range.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DayWithinAttribute(DayRange range, string what) : System.ComponentModel.DataAnnotations.ValidationAttribute
{
    public DayRange Range { get; } = range;

    protected override System.ComponentModel.DataAnnotations.ValidationResult? IsValid(object? value,
        System.ComponentModel.DataAnnotations.ValidationContext context)
    {
        if (value is not DateOnly day) return System.ComponentModel.DataAnnotations.ValidationResult.Success;
        var clock = context.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        var (earliest, latest) = InputBounds.TodayAnywhere(clock.GetUtcNow().UtcDateTime);
        var bounds = Range switch
        {
            DayRange.Past => InputBounds.PastDays(latest),
            DayRange.Birth => InputBounds.BirthDays(latest),
            DayRange.Ahead => (earliest.AddDays(1), latest.AddYears(2)),
            _ => (InputBounds.CaseWorkDays(earliest).Earliest, InputBounds.CaseWorkDays(latest).Latest),
        };
        return InputBounds.Bounds(day, bounds, what) is { } said
            ? new System.ComponentModel.DataAnnotations.ValidationResult(
                context.GetService(typeof(ISayer)) is ISayer sayer ? sayer.Say(said) : said.ToString(),
                    context.MemberName is { } m ? [m] : null)
            : System.ComponentModel.DataAnnotations.ValidationResult.Success;
    }
}
