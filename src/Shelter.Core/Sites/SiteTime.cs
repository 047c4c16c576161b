namespace Shelter.Core.Sites;

/// <summary>"Today" at a site is its local day, not the server's.</summary>
public static class SiteTime
{
    public static TimeZoneInfo Zone(string timeZoneId)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
        catch (InvalidTimeZoneException) { return TimeZoneInfo.Utc; }
    }

    public static DateTime Local(string timeZoneId, DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(timeZoneId));

    public static DateOnly Today(string timeZoneId, DateTime utcNow) => DateOnly.FromDateTime(Local(timeZoneId, utcNow));

    /// <summary>The UTC instant a local day ends (its last moment, 23:59 local), for "until the end of that day".</summary>
    public static DateTime EndOfLocalDayUtc(string timeZoneId, DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59));
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone(timeZoneId));
    }

    /// <summary>The place a time zone is named after, to say whose time a time is: "Europe/Kyiv" → "Kyiv".</summary>
    public static string Place(string timeZoneId) => timeZoneId[(timeZoneId.LastIndexOf('/') + 1)..].Replace('_', ' ');

    public static bool IsKnown(string timeZoneId) => TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);
}
