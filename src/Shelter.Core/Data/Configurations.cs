using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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

internal sealed class ShelterUserConfiguration : IEntityTypeConfiguration<ShelterUser>
{
    public void Configure(EntityTypeBuilder<ShelterUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.Language).HasMaxLength(16);
    }
}

internal sealed class StaffSiteConfiguration : IEntityTypeConfiguration<StaffSite>
{
    public void Configure(EntityTypeBuilder<StaffSite> b)
    {
        b.HasKey(s => new { s.UserId, s.SiteId });
        b.HasOne<ShelterUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Site).WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.EntityType).HasMaxLength(60);
        b.Property(e => e.EntityId).HasMaxLength(60);
        b.Property(e => e.Role).HasMaxLength(100);
        b.Property(e => e.Ip).HasMaxLength(45);
        b.Property(e => e.Details).HasMaxLength(1000);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.Property(s => s.Name).HasMaxLength(120);
        b.Property(s => s.Address).HasMaxLength(300);
        b.Property(s => s.TimeZoneId).HasMaxLength(64);
        b.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> b)
    {
        b.Property(r => r.FamilyUnit).HasMaxLength(40);
        b.Property(r => r.Name).HasMaxLength(80);
        b.HasIndex(r => new { r.SiteId, r.Name }).IsUnique();
    }
}

internal sealed class BedConfiguration : IEntityTypeConfiguration<Bed>
{
    public void Configure(EntityTypeBuilder<Bed> b)
    {
        b.Property(x => x.Label).HasMaxLength(40);
        b.HasIndex(x => new { x.RoomId, x.Label }).IsUnique();
    }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.Property(r => r.Alias).HasMaxLength(80);
        b.Property(r => r.LegalName).HasMaxLength(200);
        b.Property(r => r.GenderIdentity).HasMaxLength(80);
        b.Property(r => r.Languages).HasMaxLength(200);
        // A worker's reach is one indexed lookup, not a scan of every stay of every woman.
        b.HasIndex(r => r.CurrentSiteId);
        // The check-in form's "women without a bed", newest first: the 50 newest without sorting every woman ever registered.
        b.HasIndex(r => r.RegisteredAt);
    }
}

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> b)
    {
        b.Property(c => c.Alias).HasMaxLength(80);
        b.Property(c => c.School).HasMaxLength(160);
        b.Property(c => c.ChildcareNeeds).HasMaxLength(500);
        b.HasOne(c => c.Resident).WithMany(r => r.Children).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StayConfiguration : IEntityTypeConfiguration<Stay>
{
    public void Configure(EntityTypeBuilder<Stay> b)
    {
        b.Ignore(s => s.IsActive);
        b.HasOne(s => s.Bed).WithMany().OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Child).WithMany().OnDelete(DeleteBehavior.Restrict);
        // The database itself refuses two women in one bed, whatever the code above it does.
        b.HasIndex(s => s.BedId).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("UX_Stays_OneActiveStayPerBed");
        // …and a woman (or a child) in two beds at once: a move ends the old stay before the new one starts.
        b.HasIndex(s => s.ResidentId).IsUnique().HasFilter("\"EndedAt\" IS NULL AND \"ChildId\" IS NULL")
            .HasDatabaseName("UX_Stays_OneActiveStayPerWoman");
        b.HasIndex(s => s.ChildId).IsUnique().HasFilter("\"EndedAt\" IS NULL AND \"ChildId\" IS NOT NULL")
            .HasDatabaseName("UX_Stays_OneActiveStayPerChild");
        b.HasIndex(s => new { s.ResidentId, s.ChildId, s.EndedAt });
        b.HasIndex(s => s.StartedAt);
        b.HasIndex(s => s.EndedAt);
        b.Property(s => s.Conditions).HasMaxLength(1000);
        b.Property(s => s.OverrideReason).HasMaxLength(300);
    }
}

internal sealed class StayExtensionConfiguration : IEntityTypeConfiguration<StayExtension>
{
    public void Configure(EntityTypeBuilder<StayExtension> b)
    {
        b.Property(e => e.Reason).HasMaxLength(500);
        b.Property(e => e.ConditionsBefore).HasMaxLength(1000);
    }
}

internal sealed class BedHoldConfiguration : IEntityTypeConfiguration<BedHold>
{
    public void Configure(EntityTypeBuilder<BedHold> b)
    {
        b.Ignore(h => h.IsOpen);
        b.HasOne(h => h.Bed).WithMany().OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(h => h.BedId).IsUnique().HasFilter("\"ReleasedAt\" IS NULL").HasDatabaseName("UX_BedHolds_OneOpenHoldPerBed");
    }
}

internal sealed class BedOutOfServiceConfiguration : IEntityTypeConfiguration<BedOutOfService>
{
    public void Configure(EntityTypeBuilder<BedOutOfService> b)
    {
        b.HasOne(o => o.Bed).WithMany().OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.BedId, o.From });
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    /// <summary>FollowUpStatus.Open as stored, for the index filters (the same "1" the migrations hold).</summary>
    private static readonly string Open = ((int)FollowUpStatus.Open).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.Property(f => f.AssignedToUserId).HasMaxLength(450);
        b.Property(f => f.What).HasMaxLength(200);
        b.Ignore(f => f.IsOpen);
        b.HasMany(f => f.Steps).WithOne().HasForeignKey(s => s.FollowUpId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employment.JobSearch>().WithMany().HasForeignKey(f => f.JobSearchId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.AssignedToUserId, f.Status, f.DueAt });
        b.HasIndex(f => new { f.Status, f.DueAt });
        b.HasIndex(f => f.ResidentId);
        b.HasOne(f => f.Recovery).WithMany().HasForeignKey(f => f.DocumentRecoveryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MedicationProgramme>().WithMany().HasForeignKey(f => f.MedicationProgrammeId).OnDelete(DeleteBehavior.Cascade);
        // One open continuity follow-up per programme, however often the sweep runs.
        b.HasIndex(f => new { f.Kind, f.MedicationProgrammeId }).IsUnique()
            .HasFilter($"\"Status\" = {Open} AND \"MedicationProgrammeId\" IS NOT NULL")
            .HasDatabaseName("UX_FollowUps_OneOpenPerProgramme");
        // One open review per stay, however often the stay is changed.
        b.HasIndex(f => new { f.Kind, f.StayId }).IsUnique().HasFilter($"\"Status\" = {Open} AND \"StayId\" IS NOT NULL")
            .HasDatabaseName("UX_FollowUps_OneOpenPerStay");
    }
}

internal sealed class IntakeConfiguration : IEntityTypeConfiguration<Intake.Intake>
{
    public void Configure(EntityTypeBuilder<Intake.Intake> b)
    {
        b.HasOne(i => i.Resident).WithMany().OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => i.ReceivedAt);
        b.Property(i => i.RecordedByUserId).HasMaxLength(450);
    }
}

internal sealed class WaitingEntryConfiguration : IEntityTypeConfiguration<WaitingEntry>
{
    public void Configure(EntityTypeBuilder<WaitingEntry> b)
    {
        b.HasOne(w => w.Resident).WithMany().OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(w => w.ResidentId).IsUnique().HasFilter("\"ClosedAt\" IS NULL").HasDatabaseName("UX_WaitingList_OnePlacePerWoman");
    }
}

internal sealed class WaitingContactConfiguration : IEntityTypeConfiguration<WaitingContact>
{
    public void Configure(EntityTypeBuilder<WaitingContact> b)
    {
        b.HasOne<WaitingEntry>().WithMany(w => w.Contacts).HasForeignKey(c => c.WaitingEntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.WaitingEntryId, c.At });
    }
}

internal sealed class CounsellingRoomConfiguration : IEntityTypeConfiguration<Children.CounsellingRoom>
{
    public void Configure(EntityTypeBuilder<Children.CounsellingRoom> b)
    {
        b.Property(r => r.Name).HasMaxLength(80);
        b.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.SiteId, r.Name }).IsUnique();
    }
}

internal sealed class IntakeProposalConfiguration : IEntityTypeConfiguration<IntakeProposal>
{
    public void Configure(EntityTypeBuilder<IntakeProposal> b)
    {
        b.HasOne<Intake.Intake>().WithMany(i => i.Proposals).HasForeignKey(p => p.IntakeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Partner).WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Fits).HasMaxLength(200);
        b.Property(p => p.NotKnown).HasMaxLength(200);
        b.HasIndex(p => new { p.IntakeId, p.Rank }).IsUnique();
    }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.Property(p => p.Name).HasMaxLength(160);
        b.Property(p => p.Phone).HasMaxLength(60);
        b.Property(p => p.Email).HasMaxLength(200);
        b.Property(p => p.Address).HasMaxLength(300);
        b.Property(p => p.Notes).HasMaxLength(1000);
        b.HasIndex(p => p.Name).IsUnique();
    }
}

internal sealed class BarrierConfiguration : IEntityTypeConfiguration<BarrierRecord>
{
    public void Configure(EntityTypeBuilder<BarrierRecord> b)
    {
        b.Property(x => x.Id).ValueGeneratedOnAdd().HasValueGenerator<RandomIdGenerator>();
        b.Property(x => x.OtherServiceName).HasMaxLength(160);
        b.HasOne(x => x.Partner).WithMany().OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.On);
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> b)
    {
        b.HasOne(c => c.Partner).WithMany().OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ResidentId, c.PartnerId, c.Purpose });
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.HasOne(r => r.Partner).WithMany().OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.ResidentId);
    }
}

internal sealed class MedicationProgrammeConfiguration : IEntityTypeConfiguration<MedicationProgramme>
{
    public void Configure(EntityTypeBuilder<MedicationProgramme> b)
    {
        b.HasIndex(m => m.ResidentId);
        b.HasIndex(m => m.DispensingSiteId);
        b.HasOne<Partner>().WithMany().HasForeignKey(m => m.DispensingSiteId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DispensingSiteClosureConfiguration : IEntityTypeConfiguration<DispensingSiteClosure>
{
    public void Configure(EntityTypeBuilder<DispensingSiteClosure> b)
    {
        b.HasOne<Partner>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.PartnerId);
    }
}

internal sealed class DocumentRecoveryConfiguration : IEntityTypeConfiguration<DocumentRecovery>
{
    public void Configure(EntityTypeBuilder<DocumentRecovery> b)
    {
        b.HasIndex(d => new { d.Status, d.ResidentId });
        b.Property(d => d.IssuingOffice).HasMaxLength(200);
        b.Property(d => d.Fees).HasConversion<double?>();
    }
}

internal sealed class SentNoticeConfiguration : IEntityTypeConfiguration<Notices.SentNotice>
{
    public void Configure(EntityTypeBuilder<Notices.SentNotice> b)
    {
        b.Property(n => n.Key).HasMaxLength(400);
        b.HasIndex(n => n.Key).IsUnique();
    }
}

internal sealed class FollowUpStepConfiguration : IEntityTypeConfiguration<FollowUpStep>
{
    public void Configure(EntityTypeBuilder<FollowUpStep> b) => b.Property(s => s.Note).HasMaxLength(1000);
}

internal sealed class DocumentRecoveryStepsConfiguration : IEntityTypeConfiguration<RecoveryStep>
{
    public void Configure(EntityTypeBuilder<RecoveryStep> b)
    {
        b.Property(s => s.Note).HasMaxLength(500);
        b.HasOne<DocumentRecovery>().WithMany(d => d.Steps).HasForeignKey(s => s.DocumentRecoveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobSearchConfiguration : IEntityTypeConfiguration<Employment.JobSearch>
{
    public void Configure(EntityTypeBuilder<Employment.JobSearch> b)
    {
        b.HasMany(j => j.Steps).WithOne().HasForeignKey(s => s.JobSearchId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(j => j.ResidentId);
    }
}

internal sealed class JobSearchStepConfiguration : IEntityTypeConfiguration<Employment.JobSearchStep>
{
    public void Configure(EntityTypeBuilder<Employment.JobSearchStep> b)
    {
        b.Property(s => s.Employer).HasMaxLength(160);
        b.Property(s => s.Note).HasMaxLength(500);
    }
}

internal sealed class CounsellingSessionConfiguration : IEntityTypeConfiguration<Children.CounsellingSession>
{
    public void Configure(EntityTypeBuilder<Children.CounsellingSession> b)
    {
        b.Ignore(s => s.CounsellorKey);
        b.Property(s => s.Room).HasMaxLength(80);
        b.Property(s => s.CounsellorName).HasMaxLength(120);
        b.HasOne<Child>().WithMany().HasForeignKey(s => s.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.StartsAt);
    }
}

internal sealed class ContinuitySnapshotConfiguration : IEntityTypeConfiguration<ContinuitySnapshot>
{
    public void Configure(EntityTypeBuilder<ContinuitySnapshot> b) => b.HasIndex(c => c.Day).IsUnique();
}

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<Integrity.FormSubmission>
{
    public void Configure(EntityTypeBuilder<Integrity.FormSubmission> b)
    {
        b.HasKey(f => f.Key); // the one-time key is unique by being the key
        b.Property(f => f.Key).HasMaxLength(64);
        b.Property(f => f.UserId).HasMaxLength(450);
        b.Property(f => f.ResultPath).HasMaxLength(400);
        b.HasIndex(f => f.At);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<Integrity.OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Integrity.OutboxMessage> b)
    {
        b.Property(m => m.To).HasMaxLength(256);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Body).HasMaxLength(4000);
        b.Property(m => m.LastError).HasMaxLength(200);
        b.HasIndex(m => new { m.DoneAt, m.NextAttemptAt });
    }
}
