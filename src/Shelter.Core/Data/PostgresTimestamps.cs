namespace Shelter.Core.Data;

/// <summary>
/// Times are stored as UTC wall-clock values without an offset, as SQLite stores them: on
/// PostgreSQL that is <c>timestamp without time zone</c>, written and read as given. Npgsql's
/// default would refuse every DateTime whose Kind is not UTC (dates from forms, from SQLite).
/// Must run before Npgsql is first used; it is process-wide and harmless for SQLite.
/// </summary>
public static class PostgresTimestamps
{
    public static void UseUtcWallClock() => AppContext.SetSwitch("Npgsql.EnableLegacyTimestampBehavior", true);
}
