using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shelter.Web.Features.Reports;
using Shelter.Web.Infrastructure.Demo;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Postgres;

/// <summary>
/// Every report, over the same generated network (the large seed, fixed seed and clock, two years),
/// on SQLite and on PostgreSQL: the raw SQL of each has a twin per provider, and they must agree row
/// by row — occupancy per day, totals per site and room type, the CSV, and every outcomes table.
/// </summary>
public sealed class ReportComparisonData : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    public ShelterFactory Sqlite { get; private set; } = null!;
    public ShelterFactory Postgres { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sqlite = new(ShelterFactory.NewDataFolder(), demo: false) { Time = new FakeTimeProvider(Now) };
        Postgres = new(ShelterFactory.NewDataFolder(), demo: false,
            await PostgresCluster.SettingsAsync())
        { Time = new FakeTimeProvider(Now) };
        await Task.WhenAll(SeedAsync(Sqlite), SeedAsync(Postgres));
    }

    private static async Task SeedAsync(ShelterFactory app) =>
        Assert.Equal(0,
            await app.WithServicesAsync(sp => sp.GetRequiredService<LargeSeeder>()
            .SeedAsync(SeedSize.Large with { Years = 2 }, TextWriter.Null)));

    public Task DisposeAsync()
    {
        Sqlite.Dispose();
        Postgres.Dispose();
        return Task.CompletedTask;
    }
}

public class PostgresReportComparisonTests(ReportComparisonData data) : IClassFixture<ReportComparisonData>
{
    private readonly ShelterFactory _sqlite = data.Sqlite;
    private readonly ShelterFactory _postgres = data.Postgres;

    public static TheoryData<string, string> Periods => new()
    {
        { "2026-05-15", "2026-06-14" }, // the last 30 days
        { "2025-01-01", "2025-12-31" }, // last year
        { "2024-01-01", "2024-07-31" }, // starting before the first stay
        { "2026-03-29", "2026-03-29" }, // one day
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Occupancy_is_the_same_on_both_providers_day_by_day_and_per_site_and_room_type(string from, string to)
    {
        var (f, t) = (DateOnly.Parse(from), DateOnly.Parse(to));
        var onSqlite = await OccupancyAsync(_sqlite, f, t);
        var onPostgres = await OccupancyAsync(_postgres, f, t);

        Assert.NotEmpty(onSqlite.Report.Totals);
        Assert.Contains(onSqlite.Report.Daily, d => d.Occupied > 0);
        Assert.Equal(onSqlite.Report.Daily, onPostgres.Report.Daily);
        Assert.Equal(onSqlite.Report.Totals, onPostgres.Report.Totals);
        Assert.Equal(onSqlite.Csv, onPostgres.Csv);
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Every_outcomes_table_is_the_same_on_both_providers(string from, string to)
    {
        var (f, t) = (DateOnly.Parse(from), DateOnly.Parse(to));
        var onSqlite = await OutcomesAsync(_sqlite, f, t);
        var onPostgres = await OutcomesAsync(_postgres, f, t);

        Assert.Equal(Outcomes.Keys.Count, onSqlite.Count);
        Assert.Contains(onSqlite, table => table.Rows.Count > 0);
        Assert.Equal(onSqlite.Select(Rows), onPostgres.Select(Rows));
    }

    private static IEnumerable<string> Rows(ReportTable table) =>
        table.Rows.Select(row => table.Key + ": " + string.Join(" | ", row)).Prepend(table.Key + ": " + string.Join(" | ", table.Columns));

    private static Task<(OccupancyReport Report, string[] Csv)> OccupancyAsync(ShelterFactory app, DateOnly from, DateOnly to) =>
        app.WithServicesAsync(async sp =>
        {
            var occupancy = sp.GetRequiredService<Occupancy>();
            var report = await occupancy.HandleAsync(from, to, CancellationToken.None);
            var csv = new StringWriter();
            await occupancy.WriteCsvAsync(from, to, csv, CancellationToken.None);
            return (report, csv.ToString().Split('\n'));
        });

    private static Task<IReadOnlyList<ReportTable>> OutcomesAsync(ShelterFactory app, DateOnly from, DateOnly to) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<Outcomes>().HandleAsync(from, to, CancellationToken.None));
}
