using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Foundation;

public class DatabaseTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_file_with_nothing_pending()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false);
        _ = app.Services; // starts the host, which migrates

        var (applied, pending, sites) = await app.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).Count(),
             (await db.Database.GetPendingMigrationsAsync()).Count(),
             await db.Sites.CountAsync()));

        Assert.True(File.Exists(Path.Combine(app.DataFolder, "shelter.db")));
        Assert.True(applied > 0);
        Assert.Equal(0, pending);
        Assert.Equal(0, sites);
    }

    /// <summary>
    /// The app skips Migrate when nothing is pending, so this is where a model change without its migration is caught:
    /// on each provider the last migration's snapshot must describe the model exactly.
    /// </summary>
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Migrations_cover_the_model_on_both_providers(string provider)
    {
        var options = new DbContextOptionsBuilder<Shelter.Core.Data.ShelterDbContext>();
        if (provider == "Postgres")
        {
            Shelter.Core.Data.PostgresTimestamps.UseUtcWallClock(); // as the app does on PostgreSQL: the model depends on it
            options.UseNpgsql("Host=localhost;Database=model-only", pg => pg.MigrationsAssembly("Shelter.Migrations.Postgres"));
        }
        else
            options.UseSqlite("Data Source=:memory:", sqlite => sqlite.MigrationsAssembly("Shelter.Migrations.Sqlite"));
        using var db = new Shelter.Core.Data.ShelterDbContext(options.Options, new PlainColumns());

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes no {provider} migration holds: add one.");
    }

    private sealed class PlainColumns : Shelter.Core.Data.IColumnProtector
    {
        public string Protect(string plaintext) => plaintext;
        public string Unprotect(string ciphertext) => ciphertext;
    }

    [Fact]
    public async Task Every_SQLite_connection_the_app_opens_has_its_page_cache_and_memory_map_set()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false,
            new Dictionary<string, string?> { ["Database:SqliteCacheMegabytes"] = "12", ["Database:SqliteMmapMegabytes"] = "3" });

        async Task<(long Cache, long Mmap)> PragmasAsync() => await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                var cache = (await db.Database.SqlQueryRaw<long>("PRAGMA cache_size").ToListAsync())[0];
                var mmap = (await db.Database.SqlQueryRaw<long>("PRAGMA mmap_size").ToListAsync())[0];
                return (cache, mmap);
            }
            finally { await db.Database.CloseConnectionAsync(); }
        });

        Assert.Equal((-12L * 1024, 3L << 20), await PragmasAsync());
        Assert.Equal((-12L * 1024, 3L << 20), await PragmasAsync()); // a pooled connection, opened again, keeps them
    }

    /// <summary>
    /// All connections together stay near <c>Database:SqliteMemoryMegabytes</c>: SQLite's soft heap limit is set (it is
    /// one for the process, and every host here sets the same default), and SQLite counts its memory, without which
    /// the limit would be ignored.
    /// </summary>
    [Fact]
    public async Task SQLite_connections_together_keep_to_a_memory_limit_SQLite_enforces()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false); // the schema alone is counted

        var limit = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                _ = await db.Residents.CountAsync();
                return (await db.Database.SqlQueryRaw<long>("PRAGMA soft_heap_limit").ToListAsync())[0];
            }
            finally { await db.Database.CloseConnectionAsync(); }
        });

        Assert.Equal(64L << 20, limit);
        Assert.True(SQLitePCL.raw.sqlite3_memory_used() > 0, "SQLite does not count its memory here, so it would ignore the limit.");
    }

    [Fact]
    public async Task The_app_starts_twice_on_the_same_data_folder_without_reseeding()
    {
        var folder = ShelterFactory.NewDataFolder();
        (int Sites, int Residents, int Users) first, second;
        using (var app = new ShelterFactory(folder) { DeleteDataOnDispose = false })
            first = await app.WithDbAsync(async db =>
                (await db.Sites.CountAsync(), await db.Residents.CountAsync(), await db.Users.CountAsync()));
        using (var again = new ShelterFactory(folder))
            second = await again.WithDbAsync(async db =>
                (await db.Sites.CountAsync(), await db.Residents.CountAsync(), await db.Users.CountAsync()));

        Assert.Equal(2, first.Sites);
        Assert.InRange(first.Residents, 20, 40);
        Assert.Equal(5, first.Users);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_demo_seed_is_the_same_every_time()
    {
        using var one = new ShelterFactory();
        using var two = new ShelterFactory();

        var a = await one.WithDbAsync(db => db.Residents.OrderBy(r => r.Id).Select(r => r.Alias).ToListAsync());
        var b = await two.WithDbAsync(db => db.Residents.OrderBy(r => r.Id).Select(r => r.Alias).ToListAsync());

        Assert.Equal(a, b);
    }

    [Fact]
    public async Task The_audit_log_cannot_be_rewritten_or_erased()
    {
        using var app = new ShelterFactory();
        await app.SignedInClientAsync(DemoAccounts.Staff); // writes a sign-in event

        var update = await Assert.ThrowsAsync<SqliteException>(() =>
            app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE AuditEvents SET UserId = 'someone-else'")));
        var delete = await Assert.ThrowsAsync<SqliteException>(() =>
            app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEvents")));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "SignedIn")));
    }
}
