using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shelter.Core.Data;

namespace Shelter.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's postgresql package, started once for the test run on
/// a free port (initdb and the server as the postgres OS user: the server refuses root) and stopped
/// when the test process ends. Each test class gets its own database, copied from a template that
/// already holds the schema, so a class starts in well under a second.
/// </summary>
public static class PostgresCluster
{
    public const string Bin = "/usr/lib/postgresql/15/bin";
    private const string Template = "shelter_template";
    private static readonly Lazy<Task<Cluster>> Started = new(StartAsync);
    private static readonly SemaphoreSlim Creating = new(1, 1);

    public sealed record Cluster(string Folder, int Port)
    {
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=60;Command Timeout=120";
    }

    /// <summary>A new, migrated database of its own; the connection string to it.</summary>
    public static async Task<string> NewDatabaseAsync()
    {
        var cluster = await Started.Value;
        var name = "shelter_" + Guid.NewGuid().ToString("N")[..16];
        await Creating.WaitAsync(); // CREATE DATABASE … TEMPLATE wants the template to itself
        try { await ExecuteAsync(cluster, "postgres", $"CREATE DATABASE {name} TEMPLATE {Template}"); }
        finally { Creating.Release(); }
        return cluster.ConnectionString(name);
    }

    /// <summary>The app's settings for a database of its own on the test cluster.</summary>
    public static async Task<Dictionary<string, string?>> SettingsAsync(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Shelter"] = await NewDatabaseAsync(),
        };
        return settings;
    }

    private static async Task<Cluster> StartAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "pg_ctl")))
            throw new InvalidOperationException(
                $"PostgreSQL is not installed ({Bin}): apt-get install -y postgresql (./run.sh test does it).");
        var folder = Path.Combine(Path.GetTempPath(), "shelter-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        await RunAsync("chown", "postgres", folder);
        var port = NginxProxy.FreePort();
        await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "initdb"), "-D", Path.Combine(folder, "db"), "-A", "trust",
            "-U", "postgres", "--locale=C.UTF-8", "-E", "UTF8");
        // Two nodes of 100 pooled connections each, Hangfire's, and the other test classes at once.
        await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(folder, "db"),
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=600 "
                + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-l", Path.Combine(folder, "log"), "-w", "start");
        var cluster = new Cluster(folder, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(cluster);

        PostgresTimestamps.UseUtcWallClock();
        await ExecuteAsync(cluster, "postgres", $"CREATE DATABASE {Template}");
        var options = new DbContextOptionsBuilder<ShelterDbContext>()
            .UseNpgsql(cluster.ConnectionString(Template) + ";Pooling=false", o => o.MigrationsAssembly("Shelter.Migrations.Postgres"))
                .Options;
        await using (var db = new ShelterDbContext(options, new DesignTimeColumnProtector()))
            await db.Database.MigrateAsync();
        return cluster;
    }

    private static void Stop(Cluster cluster)
    {
        try
        {
            using var stop = Process.Start(new ProcessStartInfo("runuser",
                ["-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(cluster.Folder, "db"), "-m", "immediate", "-w",
                "stop"])
            { RedirectStandardOutput = true, RedirectStandardError = true });
            stop?.WaitForExit(30_000);
            Directory.Delete(cluster.Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception) { }
    }

    private static async Task ExecuteAsync(Cluster cluster, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true, UseShellExecute = false
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stdout}{await stderr}");
    }
}
