using System.Globalization;
using Shelter.Core.Text;

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

    /// <summary>
    /// Whose time it is, in words the web side puts in the reader's language: "Almaty time" for Asia/Almaty
    /// ("Алматы, местное время" in Russian; a place with no resource keeps its Latin name).
    /// </summary>
    public static Said Label(string timeZoneId) =>
        timeZoneId is "UTC" or "Etc/UTC" ? new Said("UTC") : new Said("{0} time", new Said(Place(timeZoneId)));

    /// <summary>A moment as the site's clock shows it, saying whose clock ("21:04 (Almaty time)"), in the reader's culture.</summary>
    public static Said Show(DateTime utc, string timeZoneId, string format = "dd MMM HH:mm") =>
        ShowLocal(Local(timeZoneId, utc), timeZoneId, format);

    /// <summary>A time already on the site's clock, saying whose clock.</summary>
    public static Said ShowLocal(DateTime local, string timeZoneId, string format = "dd MMM HH:mm") =>
        new("{0} ({1})", new ClockTime(local, format), Label(timeZoneId));
}

/// <summary>A time with the format it is shown in; the reader's culture (given when the sentence is said) names the month.</summary>
public sealed record ClockTime(DateTime At, string Format) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) => At.ToString(Format, formatProvider);

    public override string ToString() => At.ToString(Format, CultureInfo.InvariantCulture);
}
