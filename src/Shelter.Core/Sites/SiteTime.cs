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

    /// <summary>The UTC instant of a wall-clock time on a local day (a time skipped by a clock change counts as the moment after
    /// it).</summary>
    public static DateTime AtLocalUtc(string timeZoneId, DateOnly day, TimeOnly time)
    {
        var zone = Zone(timeZoneId);
        var local = DateTime.SpecifyKind(day.ToDateTime(time), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>Whose time it is, in words: "Almaty time" for Asia/Almaty.</summary>
    public static string Label(string timeZoneId) =>
        timeZoneId is "UTC" or "Etc/UTC" ? "UTC" : timeZoneId[(timeZoneId.LastIndexOf('/') + 1)..].Replace('_', ' ') + " time";

    /// <summary>A moment as the site's clock shows it, saying whose clock: "21:04 (Almaty time)".</summary>
    public static string Show(DateTime utc, string timeZoneId, string format = "dd MMM HH:mm") =>
        $"{Local(timeZoneId, utc).ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ({Label(timeZoneId)})";
}
