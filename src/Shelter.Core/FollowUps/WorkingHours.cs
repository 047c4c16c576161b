using Shelter.Core.Sites;

namespace Shelter.Core.FollowUps;

/// <summary>
/// When staff may be reached: the guide's burnout section asks for fixed hours. Reminders that
/// would fall at night or at the weekend wait for the next start of working hours.
/// </summary>
public sealed record WorkingHours(TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek> Days, string TimeZoneId)
{
    public static WorkingHours Default(string timeZoneId) => new(new TimeOnly(9, 0), new TimeOnly(17, 0),
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
            timeZoneId);

    /// <summary>A site's hours, in its own time zone.</summary>
    public static WorkingHours Of(Site site) => Default(site.TimeZoneId) with { Start = site.WorkdayStarts, End = site.WorkdayEnds };

    /// <summary>Work "due on" a day is due by the end of that working day, in the site's time.</summary>
    public DateTime DueAt(DateOnly day) => SiteTime.AtLocalUtc(TimeZoneId, day, End);

    public DateOnly Today(DateTime utcNow) => SiteTime.Today(TimeZoneId, utcNow);

    public bool IsWorkingTime(DateTime utc)
    {
        var local = SiteTime.Local(TimeZoneId, utc);
        var time = TimeOnly.FromDateTime(local);
        return Days.Contains(local.DayOfWeek) && time >= Start && time < End;
    }

    /// <summary>The moment itself if it is within working hours, otherwise the next start of working hours (UTC).</summary>
    public DateTime NextWorkingMoment(DateTime utc)
    {
        if (IsWorkingTime(utc)) return utc;
        var local = SiteTime.Local(TimeZoneId, utc);
        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= Start) day = day.AddDays(1);
        for (var i = 0; i < 8 && !Days.Contains(day.DayOfWeek); i++) day = day.AddDays(1);
        var start = DateTime.SpecifyKind(day.ToDateTime(Start), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(start, SiteTime.Zone(TimeZoneId));
    }

    /// <summary>The start of the working day before <paramref name="dueUtc"/>: a reminder lands a working day ahead.</summary>
    public DateTime ReminderFor(DateTime dueUtc)
    {
        var local = SiteTime.Local(TimeZoneId, dueUtc);
        var day = DateOnly.FromDateTime(local).AddDays(-1);
        for (var i = 0; i < 8 && !Days.Contains(day.DayOfWeek); i++) day = day.AddDays(-1);
        var start = DateTime.SpecifyKind(day.ToDateTime(Start), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(start, SiteTime.Zone(TimeZoneId));
    }

    /// <summary>The start of the first working day after the local day of <paramref name="utc"/>: when overdue work is escalated.</summary>
    public DateTime StartOfNextWorkingDay(DateTime utc)
    {
        var day = DateOnly.FromDateTime(SiteTime.Local(TimeZoneId, utc)).AddDays(1);
        for (var i = 0; i < 8 && !Days.Contains(day.DayOfWeek); i++) day = day.AddDays(1);
        var start = DateTime.SpecifyKind(day.ToDateTime(Start), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(start, SiteTime.Zone(TimeZoneId));
    }
}
