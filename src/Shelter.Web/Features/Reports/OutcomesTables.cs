using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Documents;
using Shelter.Core.Reports;
using Shelter.Core.Stays;
using Shelter.Web.Features.Shared;

namespace Shelter.Web.Features.Reports;

/// <summary>The twelve tables of <see cref="Outcomes"/>, one method each.</summary>
public sealed partial class Outcomes
{
    private const int Moved = (int)ExitReason.MovedWithinNetwork;
    private const int Issued = (int)RecoveryStepKind.Issued;

    private const string LengthOfStaySql = """
        SELECT julianday(EndedAt) - julianday(AdmittedAt) AS los FROM Stays
         WHERE ChildId IS NULL AND EndedAt >= $start AND EndedAt < $end AND ExitReason <> $moved ORDER BY los
        """;
    private const string PgLengthOfStaySql = """
        SELECT EXTRACT(EPOCH FROM "EndedAt" - "AdmittedAt")::float8 / 86400 AS los FROM "Stays"
         WHERE "ChildId" IS NULL AND "EndedAt" >= @start::timestamp AND "EndedAt" < @end::timestamp
           AND "ExitReason" <> @moved ORDER BY los
        """;
    private const string WaitingSql = """
        SELECT (julianday(ClosedAt) - julianday(Since)) * 24 AS h FROM WaitingList
         WHERE ClosedAt >= $start AND ClosedAt < $end ORDER BY h
        """;
    private const string PgWaitingSql = """
        SELECT EXTRACT(EPOCH FROM "ClosedAt" - "Since")::float8 / 3600 AS h FROM "WaitingList"
         WHERE "ClosedAt" >= @start::timestamp AND "ClosedAt" < @end::timestamp ORDER BY h
        """;
    private const string DocumentsSql = """
        SELECT julianday(MIN(s."On")) - julianday(date(d.StartedAt)) AS days
          FROM DocumentRecoveries d JOIN RecoverySteps s ON s.DocumentRecoveryId = d.Id AND s.Kind = $issued
         GROUP BY d.Id HAVING MIN(s."On") >= $startDay AND MIN(s."On") <= $endDay ORDER BY days
        """;
    private const string PgDocumentsSql = """
        SELECT (MIN(s."On") - d."StartedAt"::date)::float8 AS days
          FROM "DocumentRecoveries" d JOIN "RecoverySteps" s ON s."DocumentRecoveryId" = d."Id" AND s."Kind" = @issued
         GROUP BY d."Id", d."StartedAt" HAVING MIN(s."On") >= @startDay::date AND MIN(s."On") <= @endDay::date ORDER BY days
        """;

    private async Task<ReportTable> AdmissionsAsync(string key, Window p, CancellationToken ct)
    {
        var (start, end) = (p.Start, p.End);
        var admitted = await Hers.CountAsync(s => s.MovedFromStayId == null && s.StartedAt >= start && s.StartedAt < end, ct);
        var children = await db.Stays.CountAsync(
            s => s.ChildId != null && s.MovedFromStayId == null && s.StartedAt >= start && s.StartedAt < end, ct);
        var exits = await Hers.CountAsync(
            s => s.EndedAt >= start && s.EndedAt < end && s.ExitReason != ExitReason.MovedWithinNetwork, ct);
        return new(key, "Admissions and exits", ["measure", "count"],
            [["Women admitted", C(admitted)], ["Children admitted with them", C(children)], ["Women who left", C(exits)]]);
    }

    private async Task<ReportTable> ExitsAsync(string key, Window p, CancellationToken ct)
    {
        var (start, end) = (p.Start, p.End);
        var rows = await Hers.Where(s => s.EndedAt >= start && s.EndedAt < end && s.ExitReason != ExitReason.MovedWithinNetwork)
            .GroupBy(s => s.ExitDestination).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new(key, "Exits by destination", ["destination", "women"], rows
            .OrderByDescending(r => r.Count)
            .Select(r => Row(r.Key is { } d ? Labels.Of(d) : "Not recorded", SmallCells.Count(r.Count)))
            .ToList());
    }

    private async Task<ReportTable> LengthOfStayAsync(string key, Window p, CancellationToken ct)
    {
        var days = await ValuesAsync(ReportSql.For(db, LengthOfStaySql, PgLengthOfStaySql), p, ct, ("$moved", Moved));
        string D(double? v) => SmallCells.Statistic(v, days.Count);
        return new(key, "Length of stay of women who left (days, whole stay across moves)", ["measure", "days"],
            [
                ["Women", C(days.Count)], ["Median", D(Percentile.Of(days, 0.5))],
                ["Mean", D(days.Count == 0 ? null : days.Average())], ["90th percentile", D(Percentile.Of(days, 0.9))],
            ],
            "Computed over the sorted lengths SQLite returns; nothing else about the stays is read. "
            + "Over fewer than five women the figures show as —.");
    }

    private async Task<ReportTable> IntakeOutcomesAsync(string key, Window p, CancellationToken ct)
    {
        var (start, end) = (p.Start, p.End);
        var rows = await db.Intakes.AsNoTracking().Where(i => i.ReceivedAt >= start && i.ReceivedAt < end)
            .GroupBy(i => i.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new(key, "Intake outcomes", ["outcome", "intakes"],
            rows.OrderBy(r => r.Key).Select(r => Row(Labels.Of(r.Key), SmallCells.Count(r.Count))).ToList());
    }

    private async Task<ReportTable> ArrivalRoutesAsync(string key, Window p, CancellationToken ct)
    {
        var (start, end) = (p.Start, p.End);
        var rows = await db.Intakes.AsNoTracking().Where(i => i.ReceivedAt >= start && i.ReceivedAt < end)
            .GroupBy(i => new { i.Route, i.Outcome })
            .Select(g => new { g.Key.Route, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        return new(key, "Intake outcomes by how she arrived", ["route", "outcome", "intakes"], rows
            .OrderBy(r => r.Route).ThenBy(r => r.Outcome)
            .Select(r => Row(
                r.Route is { } route ? Labels.Of(route) : "Not recorded (no consent)",
                Labels.Of(r.Outcome),
                SmallCells.Count(r.Count)))
            .ToList());
    }

    private async Task<ReportTable> OutcomeReasonsAsync(string key, Window p, CancellationToken ct)
    {
        var (start, end) = (p.Start, p.End);
        var rows = await db.Intakes.AsNoTracking().Where(i => i.ReceivedAt >= start && i.ReceivedAt < end && i.Reason != null)
            .GroupBy(i => i.Reason).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new(key, "Why an intake did not end in a bed", ["reason", "intakes"], rows
            .OrderByDescending(r => r.Count)
            .Select(r => Row(Labels.Of(r.Key!.Value), SmallCells.Count(r.Count)))
            .ToList());
    }

    private async Task<ReportTable> WaitingAsync(string key, Window p, CancellationToken ct)
    {
        var hours = await ValuesAsync(ReportSql.For(db, WaitingSql, PgWaitingSql), p, ct);
        var open = await db.WaitingList.CountAsync(w => w.ClosedAt == null, ct);
        string H(double? v) => SmallCells.Statistic(v, hours.Count);
        return new(key, "Waiting-list times (hours, places closed in the period)", ["measure", "value"],
            [
                ["Places closed", C(hours.Count)], ["Median wait", H(Percentile.Of(hours, 0.5))],
                ["90th percentile wait", H(Percentile.Of(hours, 0.9))], ["Waiting now", C(open)],
            ]);
    }

    private async Task<ReportTable> BarriersAsync(string key, Window p, CancellationToken ct)
    {
        var (from, to) = (p.From, p.To);
        var rows = await db.Barriers.AsNoTracking().Where(b => b.On >= from && b.On <= to)
            .GroupBy(b => new { Service = b.Partner != null ? b.Partner.Name : b.OtherServiceName, b.Reason })
            .Select(g => new { g.Key.Service, g.Key.Reason, Count = g.Count() }).ToListAsync(ct);
        return new(key, "Barriers: refusals by other services", ["service", "their reason", "refusals"], rows
            .OrderByDescending(r => r.Count)
            .Select(r => Row(r.Service ?? "", Labels.Of(r.Reason), SmallCells.Count(r.Count)))
            .ToList());
    }

    private async Task<ReportTable> ContinuityAsync(string key, Window p, CancellationToken ct)
    {
        var (from, to) = (p.From, p.To);
        var totals = await db.ContinuitySnapshots.AsNoTracking().Where(s => s.Day >= from && s.Day <= to)
            .GroupBy(s => 1)
            .Select(g => new
            {
                Days = g.Count(),
                Programmes = g.Sum(s => s.Programmes),
                Covered = g.Sum(s => s.Covered),
                Broken = g.Sum(s => s.Broken),
                MostOnOneDay = g.Max(s => s.Programmes),
            })
            .FirstOrDefaultAsync(ct);
        // The sweep keeps counts, not women: the most programmes on one day is the fewest women the share can rest on.
        var women = totals?.MostOnOneDay ?? 0;
        var share = SmallCells.Statistic(
            totals is null || totals.Programmes == 0 ? null : 100.0 * totals.Covered / totals.Programmes, women);
        string Days(long n) => n > 0 && SmallCells.Hides(women) ? SmallCells.Withheld : C(n);
        return new(key, "Medication continuity (from the daily sweep)", ["measure", "value"],
            [
                ["Days swept", N(totals?.Days ?? 0)], ["Resident-days on medication", Days(totals?.Programmes ?? 0)],
                ["Share of resident-days covered (%)", share], ["Resident-days broken", Days(totals?.Broken ?? 0)],
            ]);
    }

    private async Task<ReportTable> DocumentsAsync(string key, Window p, CancellationToken ct)
    {
        var days = await ValuesAsync(ReportSql.For(db, DocumentsSql, PgDocumentsSql), p, ct,
            ("$startDay", p.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$endDay", p.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$issued", Issued));
        var open = await db.DocumentRecoveries.CountAsync(d => d.Status == RecoveryStatus.Open, ct);
        return new(key, "Document recovery", ["measure", "value"],
            [
                ["Documents issued in the period", C(days.Count)],
                ["Median days to issued", SmallCells.Statistic(Percentile.Of(days, 0.5), days.Count, "0")],
                ["Recoveries open now", C(open)],
            ]);
    }

    private async Task<ReportTable> JobSearchAsync(string key, Window p, CancellationToken ct)
    {
        var (start, end) = (p.Start, p.End);
        var rows = await db.JobSearches.AsNoTracking().Where(j => j.StartedAt >= start && j.StartedAt < end)
            .GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new(key, "Job searches started in the period, by outcome", ["outcome", "women"],
            rows.OrderBy(r => r.Key).Select(r => Row(r.Key.ToString(), SmallCells.Count(r.Count))).ToList());
    }

    private async Task<ReportTable> CounsellingAsync(string key, Window p, CancellationToken ct)
    {
        var (start, end) = (p.Start, p.End);
        var rows = await db.CounsellingSessions.AsNoTracking().Where(s => s.StartsAt >= start && s.StartsAt < end)
            .GroupBy(s => s.CancelledAt != null ? "Cancelled" : s.Attended == true ? "Held" : s.Attended == false ? "Missed" : "Booked")
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new(key, "Children's counselling sessions", ["sessions", "count"],
            rows.OrderBy(r => r.Key).Select(r => Row(r.Key, SmallCells.Count(r.Count))).ToList());
    }
}
