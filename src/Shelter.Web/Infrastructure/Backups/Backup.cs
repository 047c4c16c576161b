using System.Security.Cryptography;
using System.Text.Json;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Shelter.Web.Infrastructure.Jobs;

namespace Shelter.Web.Infrastructure.Backups;

public sealed class BackupOptions
{
    /// <summary>Where the nightly job writes; by default beside the data folder, named after it + "-backups".</summary>
    public string? Folder { get; set; }
    /// <summary>How many nightly copies to keep; older ones are deleted.</summary>
    public int Keep { get; set; } = 7;
    /// <summary>When the nightly job runs (cron, UTC).</summary>
    public string Schedule { get; set; } = "30 1 * * *";
}

public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>What a backup holds, written beside it as manifest.json and checked before a restore.</summary>
public sealed record BackupManifest(int Format, DateTime TakenAtUtc, string? LastMigration, bool KeyRingEncrypted,
    IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public void Write(string folder) => File.WriteAllText(System.IO.Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    public static BackupManifest Read(string folder) =>
        JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(System.IO.Path.Combine(folder, FileName)), Json)
        ?? throw new InvalidOperationException("The manifest is empty.");
}

/// <summary>
/// A consistent copy of the live database (SQLite's VACUUM INTO reads one snapshot while the app
/// keeps writing), the key ring as it is on disk (encrypted with the certificate, which is never
/// copied), and a manifest with checksums. Restore goes only into an empty data folder.
/// </summary>
public sealed class Backup(ShelterPaths paths, IConfiguration config, TimeProvider clock, IOptions<BackupOptions> options,
    ILogger<Backup> log) : IScheduleSource
{
    public const string JobId = "backup:nightly";
    private const string DatabaseName = "shelter.db";
    private const string KeysName = "keys";

    public async Task<BackupManifest> TakeAsync(string destination, CancellationToken ct = default)
    {
        RefuseOnPostgres();
        destination = Path.GetFullPath(destination);
        if (Directory.Exists(destination) && Directory.EnumerateFileSystemEntries(destination).Any())
            throw new BackupException($"{destination} is not empty: a backup goes into a new or empty folder.");
        if (!File.Exists(paths.DatabaseFile)) throw new BackupException($"There is no database at {paths.DatabaseFile} to back up.");
        var partial = destination + ".partial";
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(partial);
        var takenAt = clock.GetUtcNow().UtcDateTime;
        string? lastMigration;
        await using (var connection = new SqliteConnection(paths.ConnectionString))
        {
            await connection.OpenAsync(ct);
            var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", Path.Combine(partial, DatabaseName));
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        await using (var copy = new SqliteConnection($"Data Source={Path.Combine(partial, DatabaseName)};Mode=ReadOnly;Pooling=False"))
        {
            await copy.OpenAsync(ct);
            var migration = copy.CreateCommand();
            migration.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1";
            lastMigration = await migration.ExecuteScalarAsync(ct) as string;
        }
        Directory.CreateDirectory(Path.Combine(partial, KeysName));
        if (Directory.Exists(paths.KeysFolder))
            foreach (var key in Directory.GetFiles(paths.KeysFolder, "*.xml"))
                File.Copy(key, Path.Combine(partial, KeysName, Path.GetFileName(key)));
        var files = Directory.GetFiles(partial, "*", SearchOption.AllDirectories).Order()
            .Select(f => Describe(partial, f)).ToList();
        var manifest = new BackupManifest(1, takenAt, lastMigration, Data.KeyRing.IsCertificateConfigured(config), files);
        manifest.Write(partial);
        // Only a complete backup gets its final name.
        if (Directory.Exists(destination)) Directory.Delete(destination);
        Directory.Move(partial, destination);
        log.LogInformation("Backup taken: {Files} files, {Bytes} bytes", files.Count, files.Sum(f => f.Bytes));
        return manifest;
    }

    /// <summary>Puts a backup into this installation's data and key folders, which must hold no database and no keys yet.</summary>
    public BackupManifest Restore(string source)
    {
        RefuseOnPostgres();
        source = Path.GetFullPath(source);
        if (!File.Exists(Path.Combine(source,
            BackupManifest.FileName))) throw new BackupException($"{source} has no {BackupManifest.FileName}: it is not a Shelter backup.");
        var manifest = BackupManifest.Read(source);
        foreach (var file in manifest.Files)
        {
            var actual = Describe(source, Path.Combine(source, file.Path));
            if (actual.Sha256 != file.Sha256 || actual.Bytes != file.Bytes)
                throw new BackupException($"{file.Path} in the backup does not match its manifest: the backup is damaged.");
        }
        var live = new[] { paths.DatabaseFile, paths.DatabaseFile + "-wal", paths.DatabaseFile + "-shm" }.Where(File.Exists).ToList();
        if (live.Count > 0) throw new BackupException(
            $"{paths.DataFolder} already holds a database: restore only into an empty data folder (move the old one aside first).");
        if (Directory.Exists(paths.KeysFolder) && Directory.EnumerateFiles(paths.KeysFolder, "*.xml").Any())
            throw new BackupException($"{paths.KeysFolder} already holds a key ring: restore only into an empty key folder.");
        Directory.CreateDirectory(paths.DataFolder);
        Directory.CreateDirectory(paths.KeysFolder);
        File.Copy(Path.Combine(source, DatabaseName), paths.DatabaseFile);
        foreach (var key in Directory.GetFiles(Path.Combine(source, KeysName), "*.xml"))
            File.Copy(key, Path.Combine(paths.KeysFolder, Path.GetFileName(key)));
        return manifest;
    }

    private static BackupFile Describe(string root, string file)
    {
        using var stream = File.OpenRead(file);
        return new BackupFile(Path.GetRelativePath(root, file), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    public string NightlyFolder => Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.Folder)
        ? Path.TrimEndingDirectorySeparator(paths.DataFolder) + "-backups" : options.Value.Folder);

    /// <summary>The nightly job: one more copy, then only the newest <see cref="BackupOptions.Keep"/> are kept.</summary>
    [AutomaticRetry(Attempts = 2)]
    public async Task NightlyAsync()
    {
        var folder = NightlyFolder;
        Directory.CreateDirectory(folder);
        await TakeAsync(Path.Combine(folder, $"shelter-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}"));
        var old = Directory.GetDirectories(folder, "shelter-*")
            .Where(d => !d.EndsWith(".partial", StringComparison.Ordinal) && File.Exists(Path.Combine(d, BackupManifest.FileName)))
            .Order().Reverse().Skip(Math.Max(1, options.Value.Keep)).ToList();
        foreach (var copy in old) Directory.Delete(copy, recursive: true);
        if (old.Count > 0) log.LogInformation("Backups: removed {Count} older copies", old.Count);
    }

    /// <summary>On PostgreSQL the database is backed up by its own tools (pg_dump), and the key ring is in it.</summary>
    private void RefuseOnPostgres()
    {
        if (Data.DatabaseProvider.From(config).IsPostgres)
            throw new BackupException(
                "Shelter runs on PostgreSQL here: back it up with pg_dump (the key ring is in the database); see docs/deploy.md.");
    }

    public Task RebuildAsync(IRecurringJobManager recurring, IBackgroundJobClient jobs, CancellationToken ct)
    {
        if (Data.DatabaseProvider.From(config).IsPostgres) return Task.CompletedTask;
        recurring.AddOrUpdate<Backup>(JobId, b => b.NightlyAsync(), options.Value.Schedule);
        return Task.CompletedTask;
    }
}

public sealed class BackupException(string message) : Exception(message);

public static class BackupSetup
{
    public static IServiceCollection AddShelterBackups(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<BackupOptions>(config.GetSection("Backup"));
        services.AddScoped<Backup>();
        services.AddScoped<IScheduleSource>(sp => sp.GetRequiredService<Backup>());
        return services;
    }
}
