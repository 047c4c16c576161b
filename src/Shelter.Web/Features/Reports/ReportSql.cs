using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;

namespace Shelter.Web.Features.Reports;

/// <summary>Runs a report's SQL on the context's connection and yields rows as SQLite produces them.</summary>
public static class ReportSql
{
    /// <summary>
    /// The report's SQL for the database it runs on: SQLite's, or its PostgreSQL twin (same columns,
    /// same rows, same order). Parameters are named <c>$name</c> for SQLite and <c>@name</c> in the twin.
    /// </summary>
    public static string For(ShelterDbContext db, string sqlite, string postgres) => db.Database.IsNpgsql() ? postgres : sqlite;

    public static async IAsyncEnumerable<DbDataReader> QueryAsync(ShelterDbContext db, string sql,
        [EnumeratorCancellation] CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        if (db.Database.IsNpgsql()) parameters = parameters.Select(p => (p.Name.TrimStart('$'), p.Value)).ToArray();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return reader;
    }
}
