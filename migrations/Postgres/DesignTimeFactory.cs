using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shelter.Core.Data;

namespace Shelter.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the PostgreSQL model without starting the web host or a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ShelterDbContext>
{
    public ShelterDbContext CreateDbContext(string[] args)
    {
        PostgresTimestamps.UseUtcWallClock();
        return new(new DbContextOptionsBuilder<ShelterDbContext>()
            .UseNpgsql("Host=localhost;Database=design-time", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options, new DesignTimeColumnProtector());
    }
}
