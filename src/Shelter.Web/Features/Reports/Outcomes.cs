using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Reports;
using Shelter.Core.Stays;

namespace Shelter.Web.Features.Reports;

/// <summary>One table of a report: its rows are already text, with small counts suppressed where they describe the women.</summary>
public sealed record ReportTable(
    string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null);

/// <summary>
/// The outcomes a manager reports to funders and uses for advocacy (guide, Table 4). Every
/// figure is an aggregate computed by the database; any breakdown by something about the women
/// shows counts from 1 to 4 as "&lt;5". No names, ever. One short method per table.
/// </summary>
public sealed partial class Outcomes(ShelterDbContext db)
{
    /// <summary>The period as days (for dates) and as UTC instants (for times): [Start, End).</summary>
    private readonly record struct Window(DateOnly From, DateOnly To)
    {
        public DateTime Start => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        public DateTime End => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }

    private delegate Task<ReportTable> Table(Outcomes outcomes, string key, Window period, CancellationToken ct);

    /// <summary>The tables in the order the page shows them.</summary>
    private static readonly (string Key, Table Build)[] Tables =
    [
        ("admissions", (o, k, p, ct) => o.AdmissionsAsync(k, p, ct)),
        ("exits", (o, k, p, ct) => o.ExitsAsync(k, p, ct)),
        ("length-of-stay", (o, k, p, ct) => o.LengthOfStayAsync(k, p, ct)),
        ("intake-outcomes", (o, k, p, ct) => o.IntakeOutcomesAsync(k, p, ct)),
        ("arrival-routes", (o, k, p, ct) => o.ArrivalRoutesAsync(k, p, ct)),
        ("outcome-reasons", (o, k, p, ct) => o.OutcomeReasonsAsync(k, p, ct)),
        ("waiting", (o, k, p, ct) => o.WaitingAsync(k, p, ct)),
        ("barriers", (o, k, p, ct) => o.BarriersAsync(k, p, ct)),
        ("continuity", (o, k, p, ct) => o.ContinuityAsync(k, p, ct)),
        ("documents", (o, k, p, ct) => o.DocumentsAsync(k, p, ct)),
        ("job-search", (o, k, p, ct) => o.JobSearchAsync(k, p, ct)),
        ("counselling", (o, k, p, ct) => o.CounsellingAsync(k, p, ct)),
    ];

    public static readonly IReadOnlyList<string> Keys = [.. Tables.Select(t => t.Key)];

    public async Task<IReadOnlyList<ReportTable>> HandleAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var tables = new List<ReportTable>();
        foreach (var (key, build) in Tables) tables.Add(await build(this, key, new Window(from, to), ct));
        return tables;
    }

    /// <summary>One table by its key, or null for a key no table has.</summary>
    public async Task<ReportTable?> TableAsync(string key, DateOnly from, DateOnly to, CancellationToken ct)
    {
        foreach (var (k, build) in Tables)
            if (k == key) return await build(this, key, new Window(from, to), ct);
        return null;
    }

    public static async Task WriteCsvAsync(ReportTable table, TextWriter output)
    {
        await output.WriteLineAsync(string.Join(",", table.Columns.Select(c => Csv.Field(c.Replace(' ', '_')))));
        foreach (var row in table.Rows) await output.WriteLineAsync(string.Join(",", row.Select(Csv.Field)));
    }

    /// <summary>Her own stays: not her children's beds, not the second half of a move.</summary>
    private IQueryable<Stay> Hers => db.Stays.AsNoTracking().Where(s => s.ChildId == null);

    /// <summary>Not about the women (days swept): shown as it is.</summary>
    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
    /// <summary>Every count about the women goes through the one rule.</summary>
    private static string C(long n) => SmallCells.Count(n);
    private static IReadOnlyList<string> Row(params string[] cells) => cells;

    /// <summary>
    /// Runs one of the report's SQL texts with the period (<c>$start</c>, <c>$end</c>) and any enum values
    /// it compares with, passed as parameters from the C# enums rather than written into the SQL as numbers.
    /// </summary>
    private IAsyncEnumerable<DbDataReader> QueryAsync(
        string sql, Window period, CancellationToken ct, params (string Name, object Value)[] extra) =>
        ReportSql.QueryAsync(db, sql, ct,
        [
            ("$start", period.Start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            ("$end", period.End.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            .. extra,
        ]);

    /// <summary>Sorted values of the first column of a report query (lengths, waits).</summary>
    private async Task<List<double>> ValuesAsync(
        string sql, Window period, CancellationToken ct, params (string Name, object Value)[] extra)
    {
        var values = new List<double>();
        await foreach (var r in QueryAsync(sql, period, ct, extra)) values.Add(r.GetDouble(0));
        return values;
    }
}
