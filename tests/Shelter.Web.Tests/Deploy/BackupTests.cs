using System.Collections.Concurrent;
using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Web.Infrastructure.Backups;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Deploy;

public class BackupTests
{
    private const string CaseManager = "casemanager@backup.test";

    [Fact]
    public async Task A_backup_taken_under_write_load_restores_into_a_fresh_folder_with_every_acknowledged_write()
    {
        var backupFolder = Path.Combine(Path.GetTempPath(), "shelter-tests", "backup-" + Guid.NewGuid().ToString("N"));
        var restoredFolder = ShelterFactory.NewDataFolder();
        await using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false);
        await app.CreateUserAsync(CaseManager, Roles.CaseManager);
        var client = await app.SignedInClientAsync(CaseManager);

        // A case manager keeps adding partners; a write counts once the app has answered it.
        var acknowledged = new ConcurrentDictionary<int, DateTime>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var response = await client.PostFormAsync("/partners/new", "/partners/new",
                    [new("Name", $"Load {n}"), new("Kind", "Shelter")]);
                if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException(
                    $"Write {n} answered {(int)response.StatusCode}");
                acknowledged[n] = DateTime.UtcNow;
            }
        });
        await WaitUntilAsync(() => acknowledged.Count >= 20, writer);

        var backupStarted = DateTime.UtcNow;
        var (exit, output) = await ShelterProcess.RunAsync(["backup", backupFolder], ShelterProcess.For(app.DataFolder));
        Assert.True(exit == 0, output);
        var ackedBeforeBackup = acknowledged.Where(a => a.Value < backupStarted).Select(a => a.Key).ToList();
        var countAtBackupEnd = acknowledged.Count;
        await WaitUntilAsync(() => acknowledged.Count >= countAtBackupEnd + 5, writer); // the load went on past the backup
        stop.Cancel();
        await writer;

        var (restoreExit, restoreOutput) = await ShelterProcess.RunAsync(["restore", backupFolder], ShelterProcess.For(restoredFolder));
        Assert.True(restoreExit == 0, restoreOutput);

        await using var restored = new ShelterFactory(restoredFolder, demo: false);
        var names = await restored.WithDbAsync(db => db.Partners.Where(p => p.Name.StartsWith("Load ")).Select(p => p.Name).ToListAsync());
        var numbers = names.Select(n => int.Parse(n["Load ".Length..])).Order().ToList();
        // Every write acknowledged before the backup began is there, and what is there is one unbroken run.
        Assert.Superset(ackedBeforeBackup.ToHashSet(), numbers.ToHashSet());
        Assert.Equal(Enumerable.Range(0, numbers.Count), numbers);
        Assert.True(numbers.Count < acknowledged.Count, "the backup holds writes made after it");
        // The restored app serves: her account, her session cookie and the encrypted columns all work.
        var again = await restored.SignedInClientAsync(CaseManager);
        Assert.Contains("Load 0", await again.GetStringAsync("/partners"));

        // Restore never overwrites a data folder in use.
        var (overwriteExit, overwriteOutput) = await ShelterProcess.RunAsync(["restore", backupFolder], ShelterProcess.For(app.DataFolder));
        Assert.Equal(1, overwriteExit);
        Assert.Contains("already holds a database", overwriteOutput);

        foreach (var folder in new[] { backupFolder })
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task The_nightly_backup_job_is_scheduled_and_keeps_the_last_copies_configured()
    {
        var folder = Path.Combine(Path.GetTempPath(), "shelter-tests", "nightly-" + Guid.NewGuid().ToString("N"));
        await using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false, new Dictionary<string, string?>
        {
            ["Backup:Folder"] = folder,
            ["Backup:Keep"] = "2",
        });
        await WaitUntilAsync(() => app.Services.GetRequiredService<JobStorage>().GetConnection().GetRecurringJobs()
            .Any(j => j.Id == Backup.JobId));

        foreach (var night in Enumerable.Range(1, 3))
        {
            app.Clock.SetTo(new DateTime(2026, 3, night, 1, 30, 0, DateTimeKind.Utc));
            await app.WithServicesAsync(async sp => { await sp.GetRequiredService<Backup>().NightlyAsync(); return 0; });
        }

        var kept = Directory.GetDirectories(folder).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["shelter-20260302-013000", "shelter-20260303-013000"], kept);
        Assert.All(kept, k => Assert.True(File.Exists(Path.Combine(folder, k!, "manifest.json"))));
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task? failFast = null)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(1); !condition(); await Task.Delay(50))
        {
            if (failFast is { IsFaulted: true }) await failFast;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Condition not met within a minute.");
        }
    }
}
