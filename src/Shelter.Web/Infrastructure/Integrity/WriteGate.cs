using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Shelter.Web.Infrastructure.Integrity;

/// <summary>
/// SQLite lets one writer at a time hold the database. Writers of this process queue here, awaiting
/// without a thread, instead of in SQLite's busy retry, which puts the request's thread to sleep.
/// PostgreSQL locks rows, not the database: there the gate stays open.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Waits for the turn to write; dispose the answer to pass it on. Null when there is no gate to pass.</summary>
    public async Task<IDisposable?> EnterAsync(DatabaseFacade database, CancellationToken ct, TimeSpan? patience = null)
    {
        if (!database.IsSqlite()) return null;
        if (patience is { } wait) return await _one.WaitAsync(wait, ct) ? new Turn(_one) : null;
        await _one.WaitAsync(ct);
        return new Turn(_one);
    }

    public void Dispose() => _one.Dispose();

    private sealed class Turn(SemaphoreSlim one) : IDisposable
    {
        private int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) one.Release(); }
    }
}
