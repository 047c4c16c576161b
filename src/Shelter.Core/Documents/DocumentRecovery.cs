namespace Shelter.Core.Documents;

public enum DocumentType
{
    Passport = 1,
    NationalId = 2,
    ChildBirthCertificate = 3,
    MedicalRecords = 4,
    ResidenceRegistration = 5,
    SocialBenefitPapers = 6,
}

public enum RecoveryStatus
{
    Open = 1,
    Issued = 2,
    Collected = 3,
    DeclinedByHer = 4,
    Cancelled = 5,
}

/// <summary>A lost or withheld document being recovered step by step. Documents never gate her admission.</summary>
public class DocumentRecovery
{
    public int Id { get; set; }
    public int ResidentId { get; set; }
    public int? ChildId { get; set; }
    public DocumentType Document { get; set; }
    public DateTime StartedAt { get; set; }
    public RecoveryStatus Status { get; set; } = RecoveryStatus.Open;
    public string? IssuingOffice { get; set; }
    public decimal? Fees { get; set; }
    public DateTime? ClosedAt { get; set; }
    public List<RecoveryStep> Steps { get; set; } = [];
}
