using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shelter.Core.Accounts;
using Shelter.Core.Data;
using Shelter.Core.Integrity;
using Shelter.Web.Infrastructure.Email;
using Shelter.Web.Infrastructure.Jobs;
using Shelter.Web.Infrastructure.Localization;

namespace Shelter.Web.Infrastructure.Integrity;

/// <summary>
/// Her medication continuity check after she arrives, moves or leaves. The medication slice provides it
/// (registered in FeatureSetup), so the outbox delivers it without depending on a feature folder.
/// </summary>
public interface IResidentContinuityCheck
{
    Task CheckResidentAsync(int residentId);
}

/// <summary>
/// Puts work that must follow a change into the change's own transaction (as rows); nothing
/// runs until the transaction has committed. Callers save as usual.
/// </summary>
public sealed class Outbox(ShelterDbContext db, TimeProvider clock)
{
    public void Email(string to, string subject, string body) => Add(OutboxKind.Email, null, to, subject, body);

    /// <summary>An email to a colleague, composed in the language she chose for Shelter.</summary>
    public void EmailTo(ShelterUser person, Func<(string Subject, string Body)> compose)
    {
        using var _ = Languages.Speak(person.Language);
        var (subject, body) = compose();
        Email(person.Email!, subject, body);
    }

    /// <summary>Her continuity check, after she arrives, moves or leaves, or her programme changes.</summary>
    public void ContinuityCheck(int residentId) => Add(OutboxKind.ContinuityCheck, residentId);

    /// <summary>Tell the staff if a freed bed now fits a woman on the waiting list.</summary>
    public void WaitingListNotice() => Add(OutboxKind.WaitingListNotice, null);

    private void Add(OutboxKind kind, int? subjectId, string? to = null, string? subject = null, string? body = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Outbox.Add(new OutboxMessage
        {
            Kind = kind, SubjectId = subjectId, To = to, Subject = subject, Body = body, CreatedAt = now,
            NextAttemptAt = now
        });
    }
}

/// <summary>
/// Starts delivery as soon as a save that wrote outbox rows has committed (never before: a job
/// must not run for a change that was rolled back). A lost nudge costs a minute at most: the
/// recurring delivery and the start-up drain pick up whatever is due.
/// </summary>
public sealed class OutboxNudge(IBackgroundJobClient jobs) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _wrote;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        if (eventData.Context?.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added) == true) _wrote = true;
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Nudge();
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken ct = default)
    {
        Nudge();
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Nudge();

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken ct = default)
    {
        _wrote = false;
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => _wrote = false;

    private void Nudge()
    {
        if (!_wrote) return;
        _wrote = false;
        jobs.Enqueue<OutboxDelivery>(d => d.DeliverDueAsync());
    }
}

/// <summary>
/// Delivers what the outbox holds: each message is claimed for a few minutes (so two workers
/// never run it at once), run, and marked done only when it has run — an email only once the
/// SMTP server accepted it. A failure waits 1, 2, 4 … minutes and is tried again; the job then
/// fails on the /jobs dashboard so the failure is seen. Safe to run any number of times.
/// </summary>
public sealed class OutboxDelivery(ShelterDbContext db, IServiceScopeFactory scopes, IEmailSender email, TimeProvider clock,
    ILogger<OutboxDelivery> log)
    : IScheduleSource
{
    public const string JobId = "outbox:deliver";
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);

    // No lock needed: each message is claimed by a conditional update, so parallel runs share the work.
    public async Task DeliverDueAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.DoneAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Take(500).ToListAsync();
        var failed = 0;
        foreach (var message in due)
        {
            var claimed = await db.Outbox
                .Where(m => m.Id == message.Id && m.DoneAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, now + Claim));
            if (claimed == 0) continue; // another worker has it
            try
            {
                await RunAsync(message);
                var done = clock.GetUtcNow().UtcDateTime;
                await db.Outbox.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.DoneAt, done).SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                        .SetProperty(m => m.Attempts, message.Attempts + 1));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                var attempts = message.Attempts + 1;
                var next = clock.GetUtcNow().UtcDateTime + OutboxMessage.BackOff(attempts);
                await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, e.GetType().Name));
                // The exception's message can quote an address; its type says enough.
                log.LogWarning("Outbox message {Id} ({Kind}) failed with {Error} (attempt {Attempts}); next try at {Next:u}",
                    message.Id, message.Kind, e.GetType().Name, attempts, next);
            }
        }
        if (failed > 0) throw new OutboxDeliveryFailedException(failed);
    }

    private async Task RunAsync(OutboxMessage message)
    {
        switch (message.Kind)
        {
            case OutboxKind.Email:
                await email.SendAsync(new EmailMessage(message.To!, message.Subject!, message.Body!));
                break;
            case OutboxKind.ContinuityCheck:
                using (var scope = scopes.CreateScope())
                    await scope.ServiceProvider.GetRequiredService<IResidentContinuityCheck>().CheckResidentAsync(message.SubjectId!.Value);
                break;
            case OutboxKind.WaitingListNotice:
                using (var scope = scopes.CreateScope())
                    await scope.ServiceProvider.GetRequiredService<Shelter.Web.Housing.WaitingListNotifier>().NotifyIfBedsFitAsync();
                break;
            default:
                throw new InvalidOperationException($"Unknown outbox kind {message.Kind}");
        }
    }

    /// <summary>At start everything still in the outbox is delivered, and a minute's sweep catches any lost nudge.</summary>
    public Task RebuildAsync(IRecurringJobManager recurring, IBackgroundJobClient jobs, CancellationToken ct)
    {
        recurring.AddOrUpdate<OutboxDelivery>(JobId, d => d.DeliverDueAsync(), "* * * * *");
        jobs.Enqueue<OutboxDelivery>(d => d.DeliverDueAsync());
        return Task.CompletedTask;
    }
}

public sealed class OutboxDeliveryFailedException(int count)
    : Exception($"{count} outbox message(s) could not be delivered this time; each is tried again with back-off (see the Outbox table).");
