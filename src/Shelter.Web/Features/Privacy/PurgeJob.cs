using Hangfire;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Audit;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure.Jobs;

namespace Shelter.Web.Features.Privacy;

public sealed class PurgeOptions
{
    /// <summary>Years after her last exit before her personal data is removed (the guide: data must never be usable against her).</summary>
    public int YearsAfterExit { get; set; } = 3;
}

/// <summary>
/// Removes the personal data of women who left long ago: names, birth dates, identities,
/// languages, children's names and schools, medication, notes, consents and document details.
/// What stays is what reports count: stays, intake outcomes, dates, kinds. Then VACUUM, so
/// the removed text is gone from the database file too, not just unlinked.
/// </summary>
public sealed class PurgeJob(ShelterDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<PurgeOptions> options,
    ILogger<PurgeJob> log) : IScheduleSource
{
    public const string JobId = "privacy:purge";
    public const string PurgedAlias = "(removed)";

    [Hangfire.DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> PurgeAsync()
    {
        await ForgetFormKeysAndDeliveredMessagesAsync();

        var cutoff = clock.GetUtcNow().UtcDateTime.AddYears(-options.Value.YearsAfterExit);
        var due = await LeftBeforeAsync(cutoff);
        foreach (var batch in due.Chunk(500))
            await RemovePersonalDataAsync(batch.ToList());
        if (due.Count > 0 && db.Database.IsSqlite()) // PostgreSQL's autovacuum reclaims the rows; there is no file to rewrite
            await RewriteDatabaseFileAsync();
        log.LogInformation("Purge: {Count} residents' personal data removed", due.Count);
        return due.Count;
    }

    /// <summary>One-time form keys and delivered outbox rows are only needed for a while.</summary>
    private async Task ForgetFormKeysAndDeliveredMessagesAsync()
    {
        var month = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        await db.FormSubmissions.Where(f => f.At < month).ExecuteDeleteAsync();
        await db.Outbox.Where(m => m.DoneAt != null && m.DoneAt < month).ExecuteDeleteAsync();
    }

    /// <summary>Women not yet purged, registered before the cutoff, with no stay or waiting-list place open or ended after it.</summary>
    private async Task<List<int>> LeftBeforeAsync(DateTime cutoff) =>
        await db.Residents
            .Where(r => r.Alias != PurgedAlias)
            .Where(r => !db.Stays.Any(s => s.ResidentId == r.Id && (s.EndedAt == null || s.EndedAt > cutoff)))
            .Where(r => !db.WaitingList.Any(w => w.ResidentId == r.Id && (w.ClosedAt == null || w.ClosedAt > cutoff)))
            .Where(r => r.RegisteredAt < cutoff)
            .Select(r => r.Id).ToListAsync();

    /// <summary>
    /// One batch of women: names, details and notes blanked; medication, follow-up steps and consents
    /// deleted; each purge audited. Stays and outcomes stay for the reports.
    /// </summary>
    private async Task RemovePersonalDataAsync(List<int> ids)
    {
        await db.Residents.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Alias, PurgedAlias).SetProperty(r => r.LegalName, (string?)null)
                .SetProperty(r => r.DateOfBirth, (DateOnly?)null)
            .SetProperty(r => r.GenderIdentity, (string?)null).SetProperty(r => r.Languages, (string?)null));
        await db.Children.Where(c => ids.Contains(c.ResidentId)).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.Alias, PurgedAlias).SetProperty(c => c.School, (string?)null)
                .SetProperty(c => c.ChildcareNeeds, (string?)null));
        await db.MedicationProgrammes.Where(m => ids.Contains(m.ResidentId)).ExecuteDeleteAsync();
        await db.FollowUpSteps.Where(s => db.FollowUps.Any(f => f.Id == s.FollowUpId && ids.Contains(f.ResidentId)))
            .ExecuteDeleteAsync();
        await db.FollowUps.Where(f => ids.Contains(f.ResidentId)).ExecuteUpdateAsync(u => u.SetProperty(f => f.What, (string?)null));
        await db.RecoverySteps.Where(s =>
            db.DocumentRecoveries.Any(d => d.Id == s.DocumentRecoveryId && ids.Contains(d.ResidentId)))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Note, (string?)null));
        await db.DocumentRecoveries.Where(d => ids.Contains(d.ResidentId))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.IssuingOffice, (string?)null));
        await db.JobSearchSteps.Where(s => db.JobSearches.Any(j => j.Id == s.JobSearchId && ids.Contains(j.ResidentId)))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Employer, (string?)null).SetProperty(s => s.Note, (string?)null));
        await db.Stays.Where(s => ids.Contains(s.ResidentId))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Conditions, (string?)null).SetProperty(s => s.OverrideReason, (string?)null));
        await db.Consents.Where(c => ids.Contains(c.ResidentId)).ExecuteDeleteAsync();
        foreach (var id in ids)
            db.AuditEvents.Add(new AuditEvent
            {
                At = clock.GetUtcNow().UtcDateTime, Action = "Purged", EntityType = "Resident",
                EntityId = id.ToString(), Role = "system"
            });
        await db.SaveChangesAsync();
    }

    /// <summary>Rewrites the SQLite file so the removed text does not linger in free pages or the WAL.</summary>
    private async Task RewriteDatabaseFileAsync()
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        await db.Database.ExecuteSqlRawAsync("VACUUM;");
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
    }

    public Task RebuildAsync(IRecurringJobManager recurring, IBackgroundJobClient jobs, CancellationToken ct)
    {
        recurring.AddOrUpdate<PurgeJob>(JobId, p => p.PurgeAsync(), "30 2 * * *");
        return Task.CompletedTask;
    }
}
