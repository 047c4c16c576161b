using System.Globalization;

namespace Shelter.Web.Features.Reports;

/// <summary>
/// The reports as the pages and exports ask for them: from <see cref="ReportCache"/> when the
/// same period was computed since the last change, from the database otherwise.
/// </summary>
public sealed class ReportAnswers(Occupancy occupancy, Outcomes outcomes, ReportCache cache)
{
    public Task<OccupancyReport> OccupancyAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        cache.GetOrComputeAsync(Key("occupancy", from, to), () => occupancy.HandleAsync(from, to, ct));

    /// <summary>Every outcomes table; their labels are in the reader's language, so the language is part of the key.</summary>
    public Task<IReadOnlyList<ReportTable>> OutcomesAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        cache.GetOrComputeAsync(Key("outcomes:" + CultureInfo.CurrentUICulture.Name, from, to), () => outcomes.HandleAsync(from, to, ct));

    /// <summary>One outcomes table, or null for a key no table has.</summary>
    public async Task<ReportTable?> OutcomesTableAsync(string table, DateOnly from, DateOnly to, CancellationToken ct) =>
        Outcomes.Keys.Contains(table) ? (await OutcomesAsync(from, to, ct)).Single(t => t.Key == table) : null;

    /// <summary>
    /// The occupancy CSV, row by row to <paramref name="output"/>: from the rows kept for this period,
    /// or as the database produces them (then kept for the next export of the same period).
    /// </summary>
    public async Task WriteOccupancyCsvAsync(DateOnly from, DateOnly to, TextWriter output, CancellationToken ct)
    {
        var key = Key("occupancy.csv", from, to);
        await output.WriteLineAsync(Occupancy.CsvHeader);
        if (cache.TryGet<List<OccupancyRow>>(key) is { } kept)
        {
            foreach (var row in kept) await Occupancy.WriteCsvRowAsync(output, row);
            return;
        }
        var generation = cache.Generation;
        var rows = new List<OccupancyRow>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var day = "";
        await foreach (var read in occupancy.GridAsync(from, to, ct))
        {
            // One string per day and per site, not one per row: ten years of a large network stay a few MB.
            if (read.Day != day) day = read.Day;
            var row = read with { Day = day, Site = names.TryAdd(read.Site, read.Site) ? read.Site : names[read.Site] };
            rows.Add(row);
            await Occupancy.WriteCsvRowAsync(output, row);
        }
        cache.Keep(key, generation, rows);
    }

    private static string Key(string report, DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"{report}|{from:yyyy-MM-dd}|{to:yyyy-MM-dd}");
}
