using Microsoft.EntityFrameworkCore;

namespace Shelter.Web.Infrastructure.Data;

/// <summary>
/// Which database Shelter runs on: <c>Database:Provider</c> = <c>Sqlite</c> (the default: one file in
/// the data folder, nothing else to run) or <c>Postgres</c> (a network's nodes over one server, with
/// <c>ConnectionStrings:Shelter</c>). Each has its own migrations project, generated from the same model.
/// </summary>
public sealed record DatabaseProvider(string Name)
{
    public static readonly DatabaseProvider Sqlite = new("Sqlite");
    public static readonly DatabaseProvider Postgres = new("Postgres");

    public bool IsPostgres => this == Postgres;

    public static DatabaseProvider From(IConfiguration config) => config["Database:Provider"]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => Sqlite,
        "postgres" or "postgresql" or "npgsql" => Postgres,
        var other => throw new InvalidOperationException($"Database__Provider is '{other}': use Sqlite or Postgres."),
    };

    public static string PostgresConnectionString(IConfiguration config) =>
        config.GetConnectionString("Shelter") is { Length: > 0 } cs ? cs
            : throw new InvalidOperationException("Database__Provider is Postgres but ConnectionStrings__Shelter is not set.");

    public DbContextOptionsBuilder Use(DbContextOptionsBuilder options, ShelterPaths paths, IConfiguration config) => IsPostgres
        ? options.UseNpgsql(PostgresConnectionString(config), pg => pg.MigrationsAssembly("Shelter.Migrations.Postgres"))
        : options.UseSqlite(paths.ConnectionString, sqlite => sqlite.MigrationsAssembly("Shelter.Migrations.Sqlite"));
}
