using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shelter.Web.Infrastructure.Data;

/// <summary>
/// Per-connection SQLite settings, applied once to each pooled connection handle (the pool keeps the
/// handle, and the setting with it): <c>Database:SqliteCacheMegabytes</c> (8: SQLite's own 2 MB held less
/// than a worklist reads on a national data set, so every request read its pages from the kernel again)
/// and <c>Database:SqliteMmapMegabytes</c> (0: off). <c>Database:SqliteMemoryMegabytes</c> (64) bounds the
/// memory of all connections together (SQLite's soft heap limit, one for the process): fifty busy
/// connections would otherwise each keep their full cache; near the limit a connection reuses its own
/// pages instead of taking more.
/// </summary>
public sealed class SqliteConnectionSetup(int cacheMegabytes, int mmapMegabytes, int memoryMegabytes) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _done = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _done.TryGetValue(handle, out _)) return;
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA cache_size=-{cacheMegabytes * 1024}; PRAGMA mmap_size={(long)mmapMegabytes << 20};"
            + $" PRAGMA soft_heap_limit={(long)memoryMegabytes << 20};";
        command.ExecuteNonQuery();
        _done.AddOrUpdate(handle, handle);
    }
}
