using System.Globalization;

namespace Shelter.Core.Reports;

/// <summary>
/// Reports are aggregate and suppress small numbers: every figure about the women (or their
/// children) that rests on fewer than five of them is hidden, so that no one can be picked out
/// of a table. A count from 1 to 4 shows as "&lt;5"; a mean, median, percentile, share or length
/// of stay computed over fewer than five women shows as "—". One rule for every report,
/// dashboard and CSV.
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;
    public const string Suppressed = "<5";
    public const string Withheld = "—";

    /// <summary>A count of women, children, intakes, refusals, sessions or resident-days.</summary>
    public static string Count(long count) => count is >= 1 and < Threshold ? Suppressed : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The same rule under its older name.</summary>
    public static string Show(long count) => Count(count);

    /// <summary>A figure computed over <paramref name="women"/> women: shown only when they are five or more.</summary>
    public static string Statistic(double? value, long women, string format = "0.0") =>
        women < Threshold || value is null ? Withheld : value.Value.ToString(format, CultureInfo.InvariantCulture);

    public static bool Hides(long women) => women < Threshold;
}

/// <summary>
/// Occupancy, one definition for the dashboard and the reports: occupied beds over the beds in
/// service (a bed out of service cannot be slept in, so it is not counted as available).
/// </summary>
public static class OccupancyRate
{
    public const string Definition = "occupied beds ÷ beds in service (out-of-service beds excluded)";

    public static double? Percent(long occupied, long bedsInService) => bedsInService <= 0 ? null : 100.0 * occupied / bedsInService;
}

/// <summary>Nearest-rank percentiles over values already sorted ascending.</summary>
public static class Percentile
{
    public static double? Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
