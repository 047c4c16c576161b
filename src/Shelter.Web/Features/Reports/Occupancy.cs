using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Shelter.Core.Data;
using Shelter.Core.Reports;
using Shelter.Core.Sites;

namespace Shelter.Web.Features.Reports;

/// <summary>One row of the occupancy CSV: a day (YYYY-MM-DD), a site, a room type and its beds and occupied beds.</summary>
public readonly record struct OccupancyRow(string Day, string Site, RoomKind Kind, long Beds, long Occupied);

public sealed record OccupancyDay(DateOnly Day, long Beds, long Occupied);

public sealed record OccupancyTotal(string Site, RoomKind Kind, long BedNightsAvailable, long BedNights, long SafeRoomNights)
{
    /// <summary>Occupancy as the dashboard has it (<see cref="OccupancyRate"/>): bed-nights over bed-nights in service.</summary>
    public double? Utilisation => OccupancyRate.Percent(BedNights, BedNightsAvailable);
}

public sealed record OccupancyReport(DateOnly From, DateOnly To, IReadOnlyList<OccupancyDay> Daily, IReadOnlyList<OccupancyTotal> Totals);

/// <summary>
/// Occupancy per day, site and room type, computed in SQLite: a stay occupies the night of
/// every day from the day it started up to (not including) the day it ended, so a move is
/// counted once; out-of-service beds are taken off the beds available. Stays become +1/−1
/// events summed with a running window, so the cost follows the number of stays and days, and
/// nothing is loaded into memory but the answer. Days are UTC calendar days. Beds count as
/// they are now (a bed added last month counts for earlier days too).
/// </summary>
public sealed class Occupancy(ShelterDbContext db)
{
    public const string CsvHeader = "date,site,room_type,beds,occupied,utilisation";

    private const string Grid = """
        WITH RECURSIVE days(d) AS (
            SELECT $from UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < $to
        ),
        groups AS (
            SELECT r.SiteId, r.Kind, COUNT(b.Id) AS Beds FROM Rooms r JOIN Beds b ON b.RoomId = r.Id GROUP BY r.SiteId, r.Kind
        ),
        deltas AS (
            SELECT date(s.StartedAt) AS d, r.SiteId, r.Kind, 1 AS delta
              FROM Stays s JOIN Beds b ON b.Id = s.BedId JOIN Rooms r ON r.Id = b.RoomId
             WHERE s.StartedAt < date($to, '+1 day') AND (s.EndedAt IS NULL OR s.EndedAt >= $from)
            UNION ALL
            SELECT date(s.EndedAt), r.SiteId, r.Kind, -1
              FROM Stays s JOIN Beds b ON b.Id = s.BedId JOIN Rooms r ON r.Id = b.RoomId
             WHERE s.EndedAt IS NOT NULL AND s.EndedAt >= $from AND s.StartedAt < date($to, '+1 day')
        ),
        daily AS (
            SELECT MAX(d, $from) AS d, SiteId, Kind, SUM(delta) AS delta FROM deltas GROUP BY MAX(d, $from), SiteId, Kind
        ),
        out_of_service AS (
            SELECT days.d, r.SiteId, r.Kind, COUNT(*) AS n
              FROM days JOIN BedsOutOfService o ON o."From" <= days.d AND (o."To" IS NULL OR o."To" >= days.d)
              JOIN Beds b ON b.Id = o.BedId JOIN Rooms r ON r.Id = b.RoomId
             GROUP BY days.d, r.SiteId, r.Kind
        ),
        grid AS (
            SELECT days.d AS Day, g.SiteId, g.Kind, g.Beds - COALESCE(x.n, 0) AS Beds,
                   SUM(COALESCE(e.delta, 0)) OVER (PARTITION BY g.SiteId, g.Kind ORDER BY days.d ROWS UNBOUNDED PRECEDING) AS Occupied
              FROM days CROSS JOIN groups g
              LEFT JOIN daily e ON e.d = days.d AND e.SiteId = g.SiteId AND e.Kind = g.Kind
              LEFT JOIN out_of_service x ON x.d = days.d AND x.SiteId = g.SiteId AND x.Kind = g.Kind
        )
        """;

    /// <summary>Nights per day across the network: +1/−1 events per stay summed with a running window, no joins.</summary>
    private const string DailySql = """
        WITH RECURSIVE days(d) AS (
            SELECT $from UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < $to
        ),
        events AS (
            SELECT MAX(date(StartedAt), $from) AS d, 1 AS delta FROM Stays
             WHERE StartedAt < date($to, '+1 day') AND (EndedAt IS NULL OR EndedAt >= $from)
            UNION ALL
            SELECT MAX(date(EndedAt), $from), -1 FROM Stays
             WHERE EndedAt IS NOT NULL AND EndedAt >= $from AND StartedAt < date($to, '+1 day')
        ),
        daily AS (SELECT d, SUM(delta) AS delta FROM events GROUP BY d),
        out_of_service AS (
            SELECT days.d, COUNT(*) AS n
              FROM days JOIN BedsOutOfService o ON o."From" <= days.d AND (o."To" IS NULL OR o."To" >= days.d)
             GROUP BY days.d
        )
        SELECT days.d, (SELECT COUNT(*) FROM Beds) - COALESCE(x.n, 0),
               SUM(COALESCE(e.delta, 0)) OVER (ORDER BY days.d ROWS UNBOUNDED PRECEDING)
          FROM days LEFT JOIN daily e ON e.d = days.d LEFT JOIN out_of_service x ON x.d = days.d
         ORDER BY days.d
        """;

    /// <summary>Bed-nights per site and room type: each stay's nights inside the period, summed by SQLite.</summary>
    private const string NightsSql = """
        SELECT r.SiteId, r.Kind,
               SUM(MAX(0, julianday(MIN(COALESCE(date(s.EndedAt), date($to, '+1 day')), date($to, '+1 day')))
                          - julianday(MAX(date(s.StartedAt), $from))))
          FROM Stays s JOIN Beds b ON b.Id = s.BedId JOIN Rooms r ON r.Id = b.RoomId
         WHERE s.StartedAt < date($to, '+1 day') AND (s.EndedAt IS NULL OR s.EndedAt >= $from)
         GROUP BY r.SiteId, r.Kind
        """;

    /// <summary>Beds and out-of-service bed-nights per site and room type.</summary>
    private const string CapacitySql = """
        SELECT r.SiteId, r.Kind, COUNT(b.Id),
               COALESCE(SUM((SELECT SUM(MAX(0, julianday(MIN(COALESCE(o."To", $to), $to)) - julianday(MAX(o."From", $from)) + 1))
                               FROM BedsOutOfService o WHERE o.BedId = b.Id)), 0),
               s.Name
          FROM Rooms r JOIN Beds b ON b.RoomId = r.Id JOIN Sites s ON s.Id = r.SiteId
         GROUP BY r.SiteId, r.Kind, s.Name
         ORDER BY s.Name, r.Kind
        """;

    // PostgreSQL twins of the queries above: the same rows in the same order (names in byte order, as SQLite sorts them).
    private const string PgGrid = """
        WITH days(d) AS (
            SELECT generate_series(@from::date, @to::date, interval '1 day')::date
        ),
        groups AS (
            SELECT r."SiteId", r."Kind", COUNT(b."Id") AS beds
              FROM "Rooms" r JOIN "Beds" b ON b."RoomId" = r."Id" GROUP BY r."SiteId", r."Kind"
        ),
        deltas AS (
            SELECT s."StartedAt"::date AS d, r."SiteId", r."Kind", 1 AS delta
              FROM "Stays" s JOIN "Beds" b ON b."Id" = s."BedId" JOIN "Rooms" r ON r."Id" = b."RoomId"
             WHERE s."StartedAt" < @to::date + 1 AND (s."EndedAt" IS NULL OR s."EndedAt" >= @from::date)
            UNION ALL
            SELECT s."EndedAt"::date, r."SiteId", r."Kind", -1
              FROM "Stays" s JOIN "Beds" b ON b."Id" = s."BedId" JOIN "Rooms" r ON r."Id" = b."RoomId"
             WHERE s."EndedAt" IS NOT NULL AND s."EndedAt" >= @from::date AND s."StartedAt" < @to::date + 1
        ),
        daily AS (
            SELECT GREATEST(d, @from::date) AS d, "SiteId", "Kind", SUM(delta) AS delta
              FROM deltas GROUP BY GREATEST(d, @from::date), "SiteId", "Kind"
        ),
        out_of_service AS (
            SELECT days.d, r."SiteId", r."Kind", COUNT(*) AS n
              FROM days JOIN "BedsOutOfService" o ON o."From" <= days.d AND (o."To" IS NULL OR o."To" >= days.d)
              JOIN "Beds" b ON b."Id" = o."BedId" JOIN "Rooms" r ON r."Id" = b."RoomId"
             GROUP BY days.d, r."SiteId", r."Kind"
        ),
        grid AS (
            SELECT days.d AS day, g."SiteId" AS site_id, g."Kind" AS kind, (g.beds - COALESCE(x.n, 0))::bigint AS beds,
                   (SUM(COALESCE(e.delta, 0))
                        OVER (PARTITION BY g."SiteId", g."Kind" ORDER BY days.d ROWS UNBOUNDED PRECEDING))::bigint AS occupied
              FROM days CROSS JOIN groups g
              LEFT JOIN daily e ON e.d = days.d AND e."SiteId" = g."SiteId" AND e."Kind" = g."Kind"
              LEFT JOIN out_of_service x ON x.d = days.d AND x."SiteId" = g."SiteId" AND x."Kind" = g."Kind"
        )
        SELECT to_char(grid.day, 'YYYY-MM-DD'), s."Name", grid.kind, grid.beds, grid.occupied
          FROM grid JOIN "Sites" s ON s."Id" = grid.site_id ORDER BY grid.day, s."Name" COLLATE "C", grid.kind
        """;

    private const string PgDailySql = """
        WITH days(d) AS (
            SELECT generate_series(@from::date, @to::date, interval '1 day')::date
        ),
        events AS (
            SELECT GREATEST("StartedAt"::date, @from::date) AS d, 1 AS delta FROM "Stays"
             WHERE "StartedAt" < @to::date + 1 AND ("EndedAt" IS NULL OR "EndedAt" >= @from::date)
            UNION ALL
            SELECT GREATEST("EndedAt"::date, @from::date), -1 FROM "Stays"
             WHERE "EndedAt" IS NOT NULL AND "EndedAt" >= @from::date AND "StartedAt" < @to::date + 1
        ),
        daily AS (SELECT d, SUM(delta) AS delta FROM events GROUP BY d),
        out_of_service AS (
            SELECT days.d, COUNT(*) AS n
              FROM days JOIN "BedsOutOfService" o ON o."From" <= days.d AND (o."To" IS NULL OR o."To" >= days.d)
             GROUP BY days.d
        )
        SELECT to_char(days.d, 'YYYY-MM-DD'), ((SELECT COUNT(*) FROM "Beds") - COALESCE(x.n, 0))::bigint,
               (SUM(COALESCE(e.delta, 0)) OVER (ORDER BY days.d ROWS UNBOUNDED PRECEDING))::bigint
          FROM days LEFT JOIN daily e ON e.d = days.d LEFT JOIN out_of_service x ON x.d = days.d
         ORDER BY days.d
        """;

    private const string PgNightsSql = """
        SELECT r."SiteId"::bigint, r."Kind"::bigint,
               SUM(GREATEST(0, LEAST(COALESCE(s."EndedAt"::date, @to::date + 1), @to::date + 1)
                               - GREATEST(s."StartedAt"::date, @from::date)))::float8
          FROM "Stays" s JOIN "Beds" b ON b."Id" = s."BedId" JOIN "Rooms" r ON r."Id" = b."RoomId"
         WHERE s."StartedAt" < @to::date + 1 AND (s."EndedAt" IS NULL OR s."EndedAt" >= @from::date)
         GROUP BY r."SiteId", r."Kind"
        """;

    private const string PgCapacitySql = """
        SELECT r."SiteId"::bigint, r."Kind", COUNT(b."Id"),
               COALESCE(SUM(o.nights), 0)::float8,
               s."Name"
          FROM "Rooms" r JOIN "Beds" b ON b."RoomId" = r."Id" JOIN "Sites" s ON s."Id" = r."SiteId"
          LEFT JOIN LATERAL (SELECT SUM(GREATEST(0, LEAST(COALESCE(o."To", @to::date), @to::date)
                                                - GREATEST(o."From", @from::date) + 1)) AS nights
                               FROM "BedsOutOfService" o WHERE o."BedId" = b."Id") o ON TRUE
         GROUP BY r."SiteId", r."Kind", s."Name"
         ORDER BY s."Name" COLLATE "C", r."Kind"
        """;

    public async Task<OccupancyReport> HandleAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var daily = new List<OccupancyDay>();
        await foreach (var r in QueryAsync(ReportSql.For(db, DailySql, PgDailySql), from, to, ct))
            daily.Add(new OccupancyDay(DateOnly.Parse(r.GetString(0)), r.GetInt64(1), r.GetInt64(2)));
        var nights = new Dictionary<(long, long), long>();
        await foreach (var r in QueryAsync(ReportSql.For(db, NightsSql, PgNightsSql), from, to, ct))
            nights[(r.GetInt64(0), r.GetInt64(1))] = (long)Math.Round(r.GetDouble(2));
        var days = to.DayNumber - from.DayNumber + 1;
        var totals = new List<OccupancyTotal>();
        await foreach (var r in QueryAsync(ReportSql.For(db, CapacitySql, PgCapacitySql), from, to, ct))
        {
            var kind = (RoomKind)r.GetInt32(1);
            var bedNights = nights.GetValueOrDefault((r.GetInt64(0), r.GetInt64(1)));
            totals.Add(new OccupancyTotal(r.GetString(4), kind, r.GetInt64(2) * days - (long)Math.Round(r.GetDouble(3)), bedNights,
                kind == RoomKind.SafeRoom ? bedNights : 0));
        }
        return new OccupancyReport(from, to, daily, totals);
    }

    /// <summary>
    /// Writes one CSV row per day, site and room type as the database produces them: memory stays
    /// flat however long the period.
    /// </summary>
    public async Task WriteCsvAsync(DateOnly from, DateOnly to, TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync(CsvHeader);
        await foreach (var row in GridAsync(from, to, ct)) await WriteCsvRowAsync(output, row);
    }

    /// <summary>The CSV's rows (day × site × room type) in its order, as the database produces them.</summary>
    public async IAsyncEnumerable<OccupancyRow> GridAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in QueryAsync(ReportSql.For(db, Grid + """
            SELECT grid.Day, s.Name, grid.Kind, grid.Beds, grid.Occupied
              FROM grid JOIN Sites s ON s.Id = grid.SiteId ORDER BY grid.Day, s.Name, grid.Kind
            """, PgGrid), from, to, ct))
            yield return new OccupancyRow(r.GetString(0), r.GetString(1), (RoomKind)r.GetInt32(2), r.GetInt64(3), r.GetInt64(4));
    }

    public static Task WriteCsvRowAsync(TextWriter output, OccupancyRow row)
    {
        var utilisation = OccupancyRate.Percent(row.Occupied, row.Beds)?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
        return output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{row.Day},{Csv.Field(row.Site)},{RoomTypeCode(row.Kind)},{row.Beds},{row.Occupied},{utilisation}"));
    }

    public static string RoomTypeCode(RoomKind kind) => kind switch
    {
        RoomKind.Single => "single",
        RoomKind.Shared => "shared",
        RoomKind.Family => "family",
        RoomKind.Accessible => "accessible",
        RoomKind.SafeRoom => "safe_room",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private IAsyncEnumerable<DbDataReader> QueryAsync(string sql, DateOnly from, DateOnly to, CancellationToken ct) =>
        ReportSql.QueryAsync(db, sql, ct, ("$from", from.ToString("yyyy-MM-dd")), ("$to", to.ToString("yyyy-MM-dd")));
}

public static class Csv
{
    /// <summary>Quotes a field that needs it, and defuses a leading formula character (CSV injection).</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
