using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Shelter.Core.Accounts;

namespace Shelter.Web.Infrastructure.Commands;

/// <summary>Command-line tasks run by ./run.sh instead of starting the web server.</summary>
public static class ShelterCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "create-admin" or "seed" or "backup";
    public static bool IsRestore(string[] args) => args.Length > 0 && args[0] == "restore";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        return args[0] switch
        {
            "create-admin" => await CreateAdminAsync(scope.ServiceProvider, args),
            "seed" when args.Length == 3 && args[1] == "--size" && Demo.SeedSize.Named(args[2]) is { } size =>
                await SeedLargeAsync(scope.ServiceProvider, size),
            "seed" => Usage("usage: ./run.sh seed --size large|national"),
            "backup" when args.Length == 2 => await BackupAsync(scope.ServiceProvider, args[1]),
            "backup" => Usage("usage: ./run.sh backup DEST   (DEST: a new or empty folder)"),
            _ => 2,
        };
    }

    private static async Task<int> BackupAsync(IServiceProvider sp, string destination)
    {
        Console.WriteLine($"Backing up to {Path.GetFullPath(destination)} (the app may keep serving)…");
        try
        {
            var manifest = await sp.GetRequiredService<Backups.Backup>().TakeAsync(destination);
            var keys = manifest.Files.Count(f => f.Path.StartsWith("keys", StringComparison.Ordinal));
            Console.WriteLine($"Done: a consistent copy of the database as of {manifest.TakenAtUtc:yyyy-MM-dd HH:mm:ss} UTC, "
                + $"the key ring ({keys} keys) and manifest.json.");
            Console.WriteLine(manifest.KeyRingEncrypted
                ? "The key ring is encrypted: keep the certificate (Keys__Certificate) and its password safe and apart from this backup; "
                    + "without them it cannot be restored."
                : "WARNING: the key ring is not encrypted (Keys__Certificate is unset): this backup alone decrypts everything. "
                    + "Store it accordingly.");
            return 0;
        }
        catch (Backups.BackupException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>Restores a backup into empty data and key folders, then proves the key ring opens and the database is whole.</summary>
    public static async Task<int> RestoreAsync(WebApplication app, string[] args)
    {
        if (args.Length != 2) return Usage("usage: ./run.sh restore SRC   (into an empty SHELTER_DATA folder)");
        using var scope = app.Services.CreateScope();
        var paths = scope.ServiceProvider.GetRequiredService<ShelterPaths>();
        Console.WriteLine($"Restoring {Path.GetFullPath(args[1])} into {paths.DataFolder} (key ring: {paths.KeysFolder})…");
        try
        {
            var manifest = scope.ServiceProvider.GetRequiredService<Backups.Backup>().Restore(args[1]);
            if (Data.KeyRing.Unreadable(app.Services) is { } problem)
            {
                Console.Error.WriteLine(problem);
                return 1;
            }
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(paths.ConnectionString + ";Pooling=False"))
            {
                await connection.OpenAsync();
                var command = connection.CreateCommand();
                command.CommandText = "PRAGMA integrity_check";
                if (await command.ExecuteScalarAsync() is not "ok")
                {
                    Console.Error.WriteLine("The restored database fails SQLite's integrity check; try an older backup.");
                    return 1;
                }
            }
            Console.WriteLine($"Restored the backup taken {manifest.TakenAtUtc:yyyy-MM-dd HH:mm:ss} UTC. Start Shelter as usual.");
            return 0;
        }
        catch (Backups.BackupException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static int Usage(string text)
    {
        Console.Error.WriteLine(text);
        return 2;
    }

    private static async Task<int> SeedLargeAsync(IServiceProvider sp, Demo.SeedSize size)
    {
        Console.WriteLine(
            $"Seeding a {size.Name} network ({size.Sites} sites, {size.Sites * Demo.LargeSeeder.BedsPerSite} beds, "
                + $"{size.Years} years of stays)…");
        return await sp.GetRequiredService<Demo.LargeSeeder>().SeedAsync(size, Console.Out);
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider sp, string[] args)
    {
        if (args.Length < 2 || !args[1].Contains('@'))
        {
            Console.Error.WriteLine("usage: ./run.sh create-admin EMAIL");
            return 2;
        }
        var users = sp.GetRequiredService<UserManager<ShelterUser>>();
        var email = args[1].Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            Console.Error.WriteLine("An account with that email already exists.");
            return 1;
        }
        var password = OneTimePassword.Create();
        var user = new ShelterUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator",
            MustChangePassword = true, CreatedAt = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join("; ", result.Errors.Select(e => e.Description)));
            return 1;
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        Console.WriteLine($"Administrator {email} created.");
        Console.WriteLine($"One-time password: {password}");
        Console.WriteLine("Sign in with it; you will be asked to choose your own password.");
        return 0;
    }
}

public static class OneTimePassword
{
    // No look-alike characters (0/O, 1/l/I): it is read off a screen and typed in.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Create()
    {
        var groups = Enumerable.Range(0, 4)
            .Select(_ =>
                new string(Enumerable.Range(0, 4).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray()));
        return string.Join("-", groups);
    }
}
