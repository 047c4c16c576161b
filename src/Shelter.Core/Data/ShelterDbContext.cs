using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Audit;
using Shelter.Core.FollowUps;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;

namespace Shelter.Core.Data;

public class ShelterDbContext(DbContextOptions<ShelterDbContext> options) : IdentityDbContext<ShelterUser>(options)
{
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<Bed> Beds => Set<Bed>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<Child> Children => Set<Child>();
    public DbSet<Stay> Stays => Set<Stay>();
    public DbSet<StayExtension> StayExtensions => Set<StayExtension>();
    public DbSet<BedHold> BedHolds => Set<BedHold>();
    public DbSet<BedOutOfService> BedsOutOfService => Set<BedOutOfService>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ShelterDbContext).Assembly);
    }
}
