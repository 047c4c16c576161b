using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Postgres;

/// <summary>The audit log is append-only on PostgreSQL too: its triggers refuse an update, a delete and a truncate.</summary>
public class PostgresDatabaseTests
{
    [Fact]
    public async Task Postgres_the_audit_log_cannot_be_rewritten_or_erased()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: true, await PostgresCluster.SettingsAsync());
        await app.SignedInClientAsync(DemoAccounts.Staff); // writes a sign-in event

        foreach (var sql in new[]
        {
            """UPDATE "AuditEvents" SET "UserId" = 'someone-else'""", """DELETE FROM "AuditEvents" """,
            """TRUNCATE "AuditEvents" """,
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Contains("append-only", refused.MessageText);
        }
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "SignedIn")));
    }
}
