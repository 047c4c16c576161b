using System.Threading.Channels;
using Shelter.Core.Audit;
using Shelter.Core.Data;

namespace Shelter.Web.Infrastructure.Audit;

/// <summary>
/// Views of residents' records on their way to the audit trail. A page that shows her data queues
/// its rows here instead of taking SQLite's single write lock itself, so readers never wait on
/// writers; <see cref="ViewAuditWriter"/> saves them in batches. Bounded: when the writer falls
/// behind, pages wait for room rather than drop a view (see docs/security.md for the guarantee).
/// </summary>
public sealed class ViewsToAudit
{
    public const int Capacity = 10_000;

    private readonly Channel<AuditEvent> _channel = Channel.CreateBounded<AuditEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private long _queued;
    private long _written;

    internal ChannelReader<AuditEvent> Reader => _channel.Reader;

    /// <summary>Queues a view; never cancelled, since the page may already be on its way to her screen.</summary>
    public ValueTask EnqueueAsync(AuditEvent view)
    {
        Interlocked.Increment(ref _queued);
        return _channel.Writer.WriteAsync(view, CancellationToken.None);
    }

    internal void Written(int count) => Interlocked.Add(ref _written, count);

    /// <summary>Views queued but not yet in the database.</summary>
    public long Pending => Interlocked.Read(ref _queued) - Interlocked.Read(ref _written);

    /// <summary>Waits until every view queued before this call is in the database (tests and the backup read after it).</summary>
    public async Task FlushAsync(TimeSpan? deadline = null)
    {
        var target = Interlocked.Read(ref _queued);
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(30));
        while (Interlocked.Read(ref _written) < target)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"{target - Interlocked.Read(ref _written)} views still unwritten");
            await Task.Delay(5);
        }
    }
}

/// <summary>
/// The one writer of queued views: whatever has gathered is saved in one transaction (up to 1,000
/// rows), so a burst of page views costs one write-lock turn, not one each. What is still queued
/// when the server stops is written after the last request has finished.
/// </summary>
public sealed class ViewAuditWriter(ViewsToAudit queue, Integrity.WriteGate gate, IServiceScopeFactory scopes, ILogger<ViewAuditWriter> log)
    : BackgroundService, IHostedLifecycleService
{
    private const int BatchSize = 1_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
                await WriteBatchAsync(retryUntil: stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>At stop: what is queued is written before the process goes.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await DrainAsync(cancellationToken);
    }

    /// <summary>And once more after every other service (the web server too) has stopped, for views queued meanwhile.</summary>
    public Task StoppedAsync(CancellationToken cancellationToken) => DrainAsync(cancellationToken);

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (queue.Reader.TryPeek(out _)) await WriteBatchAsync(retryUntil: cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // A host torn down around us (a test host disposed at once): whatever could be written was.
            log.LogError("{Count} queued views could not be written: the services were already disposed", queue.Pending);
        }
    }

    private async Task WriteBatchAsync(CancellationToken retryUntil)
    {
        var batch = new List<AuditEvent>();
        while (batch.Count < BatchSize && queue.Reader.TryRead(out var view)) batch.Add(view);
        if (batch.Count == 0) return;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<ShelterDbContext>();
                // Takes its turn with the requests' writes; after a second it writes anyway, so a form
                // re-rendering a record while the queue is full can never wait on the writer in a circle.
                using var turn = await gate.EnterAsync(db.Database, CancellationToken.None, TimeSpan.FromSeconds(1));
                db.AuditEvents.AddRange(batch.Select(Copy));
                await db.SaveChangesAsync(CancellationToken.None);
                queue.Written(batch.Count);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException and not ObjectDisposedException)
            {
                // Kept and tried again: a view is never dropped because the database was busy or away.
                log.LogError(e, "Writing {Count} queued views to the audit trail failed (attempt {Attempt}); trying again", batch.Count,
                    attempt);
                if (retryUntil.IsCancellationRequested && attempt >= 5) throw;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * attempt)), CancellationToken.None);
            }
        }
    }

    // A failed SaveChanges may have set ids on the tracked rows; each attempt adds fresh ones.
    private static AuditEvent Copy(AuditEvent e) => new()
    {
        At = e.At, UserId = e.UserId, Role = e.Role, Action = e.Action, EntityType = e.EntityType, EntityId = e.EntityId, Ip = e.Ip,
        Details = e.Details,
    };

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class ViewAuditSetup
{
    public static IServiceCollection AddViewAudit(this IServiceCollection services)
    {
        services.AddSingleton<ViewsToAudit>();
        services.AddSingleton<Integrity.WriteGate>();
        services.AddHostedService<ViewAuditWriter>();
        return services;
    }
}
