using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shelter.Core.Data;

namespace Shelter.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ShelterDbContext>
{
    public ShelterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ShelterDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options, new DesignTimeColumnProtector());
}
