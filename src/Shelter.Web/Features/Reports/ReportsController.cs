using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Shelter.Core.Audit;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Caching;

namespace Shelter.Web.Features.Reports;

public sealed record ReportPeriod(DateOnly From, DateOnly To, string? Error, DateOnly Today = default)
{
    /// <summary>The periods a manager reports most: named, so no one has to count days.</summary>
    public IReadOnlyList<(string Name, DateOnly From, DateOnly To)> Presets
    {
        get
        {
            var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
            return
            [
                ("Last 30 days", Today.AddDays(-29), Today),
                ("Last month", thisMonth.AddMonths(-1), thisMonth.AddDays(-1)),
                ("This year", new DateOnly(Today.Year, 1, 1), Today),
                ("Last year", new DateOnly(Today.Year - 1, 1, 1), new DateOnly(Today.Year - 1, 12, 31)),
            ];
        }
    }
}

[Route("reports")]
[Authorize(Policy = Policies.Reports)]
[ShowsNoResidentData]
public sealed class ReportsController(AuditLog audit, TimeProvider clock) : Controller
{
    public const int MaxDays = 3660;

    [KeptPerWorker]
    [HttpGet("occupancy")]
    public async Task<IActionResult> Occupancy(string? from, string? to, [FromServices] ReportAnswers reports, CancellationToken ct)
    {
        var period = Period(from, to);
        ViewData["Period"] = period;
        if (period.Error is not null) return View((OccupancyReport?)null);
        return View(await reports.OccupancyAsync(period.From, period.To, ct));
    }

    [HttpGet("occupancy.csv")]
    public async Task<IActionResult> OccupancyCsv(string? from, string? to, [FromServices] ReportAnswers reports, CancellationToken ct)
    {
        var period = Period(from, to);
        if (period.Error is not null) return BadRequest(period.Error);
        return await CsvAsync($"occupancy-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv", "OccupancyReport",
            writer => reports.WriteOccupancyCsvAsync(period.From, period.To, writer, ct), ct);
    }

    [KeptPerWorker]
    [HttpGet("outcomes")]
    public async Task<IActionResult> Outcomes(string? from, string? to, [FromServices] ReportAnswers reports, CancellationToken ct)
    {
        var period = Period(from, to);
        ViewData["Period"] = period;
        if (period.Error is not null) return View(Array.Empty<ReportTable>());
        return View(await reports.OutcomesAsync(period.From, period.To, ct));
    }

    [HttpGet("outcomes/{table}.csv")]
    public async Task<IActionResult> OutcomesCsv(
        string table, string? from, string? to, [FromServices] ReportAnswers reports, CancellationToken ct)
    {
        var period = Period(from, to);
        if (period.Error is not null) return BadRequest(period.Error);
        var result = await reports.OutcomesTableAsync(table, period.From, period.To, ct);
        if (result is null) return NotFound();
        return await CsvAsync($"{table}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv", "OutcomesReport:" + table,
            writer => Features.Reports.Outcomes.WriteCsvAsync(result, writer), ct);
    }

    /// <summary>Streams a CSV and records the export in the audit trail.</summary>
    private async Task<IActionResult> CsvAsync(string fileName, string what, Func<TextWriter, Task> write, CancellationToken ct)
    {
        audit.Record(AuditActions.Exported, "Report", what);
        await HttpContext.RequestServices.GetRequiredService<Shelter.Core.Data.ShelterDbContext>().SaveChangesAsync(ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = new StreamWriter(Response.Body, new System.Text.UTF8Encoding(false), bufferSize: 16 * 1024);
        await write(writer);
        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    /// <summary>The period from the query string: the last 30 days by default; dates as YYYY-MM-DD.</summary>
    private ReportPeriod Period(string? from, string? to)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        DateOnly? Parse(string? s)
            => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var f = string.IsNullOrEmpty(from) ? today.AddDays(-29) : Parse(from);
        var t = string.IsNullOrEmpty(to) ? today : Parse(to);
        if (f is null || t is null) return new(today.AddDays(-29), today, "Give the dates as YYYY-MM-DD.", today);
        (f, t) = Core.Validation.InputBounds.ReportPeriod(f.Value, t.Value, today); // nothing before 2000 or beyond next year exists
        if (t < f) return new(f.Value, t.Value, "The end of the period comes before its start.", today);
        if (t.Value.DayNumber - f.Value.DayNumber >= MaxDays) return new(f.Value, t.Value, "Choose a period of at most ten years.", today);
        return new(f.Value, t.Value, null, today);
    }
}
