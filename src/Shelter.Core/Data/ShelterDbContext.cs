using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Audit;
using Shelter.Core.Consents;
using Shelter.Core.Documents;
using Shelter.Core.FollowUps;
using Shelter.Core.Intake;
using Shelter.Core.Medication;
using Shelter.Core.Partners;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;

namespace Shelter.Core.Data;

public class ShelterDbContext(DbContextOptions<ShelterDbContext> options,
    IColumnProtector protector) : IdentityDbContext<ShelterUser>(options)
{
    public IColumnProtector Protector { get; } = protector;

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<StaffSite> StaffSites => Set<StaffSite>();
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
    public DbSet<Intake.Intake> Intakes => Set<Intake.Intake>();
    public DbSet<WaitingEntry> WaitingList => Set<WaitingEntry>();
    public DbSet<IntakeProposal> IntakeProposals => Set<IntakeProposal>();
    public DbSet<WaitingContact> WaitingContacts => Set<WaitingContact>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<BarrierRecord> Barriers => Set<BarrierRecord>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<MedicationProgramme> MedicationProgrammes => Set<MedicationProgramme>();
    public DbSet<DispensingSiteClosure> DispensingSiteClosures => Set<DispensingSiteClosure>();
    public DbSet<ContinuitySnapshot> ContinuitySnapshots => Set<ContinuitySnapshot>();
    public DbSet<DocumentRecovery> DocumentRecoveries => Set<DocumentRecovery>();
    public DbSet<Notices.SentNotice> SentNotices => Set<Notices.SentNotice>();
    public DbSet<FollowUpStep> FollowUpSteps => Set<FollowUpStep>();
    public DbSet<RecoveryStep> RecoverySteps => Set<RecoveryStep>();
    public DbSet<Employment.JobSearch> JobSearches => Set<Employment.JobSearch>();
    public DbSet<Employment.JobSearchStep> JobSearchSteps => Set<Employment.JobSearchStep>();
    public DbSet<Children.CounsellingSession> CounsellingSessions => Set<Children.CounsellingSession>();
    public DbSet<Integrity.FormSubmission> FormSubmissions => Set<Integrity.FormSubmission>();
    public DbSet<Integrity.OutboxMessage> Outbox => Set<Integrity.OutboxMessage>();
    public DbSet<Children.CounsellingRoom> CounsellingRooms => Set<Children.CounsellingRoom>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ShelterDbContext).Assembly);

        // Records two workers may change at once carry a version; a save where it moved on fails.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(Integrity.IVersioned).IsAssignableFrom(e.ClrType)))
            builder.Entity(entity.ClrType).Property(nameof(Integrity.IVersioned.Version)).IsConcurrencyToken();

        // Need-to-know data is encrypted at rest, column by column.
        builder.Entity<MedicationProgramme>(b =>
        {
            b.Property(m => m.Kind).HasConversion(ColumnProtection.Enum<MedicationKind>(Protector));
            b.Property(m => m.Medicine).HasConversion(ColumnProtection.Text(Protector));
            b.Property(m => m.Dose).HasConversion(ColumnProtection.Text(Protector));
            b.Property(m => m.PickupWindow).HasConversion(ColumnProtection.Text(Protector));
            b.Property(m => m.Notes).HasConversion(ColumnProtection.Text(Protector));
            // Continuity reads the active programmes on every dashboard: a few hundred among ten years of ended ones.
            b.HasIndex(m => m.EndedAt);
        });
    }
}
