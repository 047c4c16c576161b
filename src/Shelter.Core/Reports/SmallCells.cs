namespace Shelter.Core.Reports;

/// <summary>
/// Reports are aggregate and suppress small counts: in any breakdown by something about the
/// women, a count from 1 to 4 shows as "&lt;5" so that no one can be picked out of a table.
/// </summary>
public static class SmallCells
{
    public const string Suppressed = "<5";

    public static string Show(long count) => count is >= 1 and <= 4 ? Suppressed : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
