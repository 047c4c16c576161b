using Shelter.Web.Tests.Infrastructure;
using Shelter.Web.Tests.Integrity;

namespace Shelter.Web.Tests.Postgres;

/// <summary>Racing staff, double sends and stale forms again, on PostgreSQL: one winner without BEGIN IMMEDIATE.</summary>
public class PostgresWriteIntegrityTests() : WriteIntegrityTests(Task.Run(() => PostgresCluster.SettingsAsync()).GetAwaiter().GetResult());
