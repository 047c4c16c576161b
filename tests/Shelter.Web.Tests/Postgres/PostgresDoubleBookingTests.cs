using Shelter.Web.Tests.Beds;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Postgres;

/// <summary>The double-booking race again, on PostgreSQL: no IMMEDIATE there, the bed rows are locked instead.</summary>
public class PostgresDoubleBookingTests : DoubleBookingTests
{
    protected override async Task<IDictionary<string, string?>> SettingsAsync(IDictionary<string, string?> settings) =>
        await PostgresCluster.SettingsAsync(settings);
}
