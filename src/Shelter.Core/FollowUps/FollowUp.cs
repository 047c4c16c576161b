namespace Shelter.Core.FollowUps;

public enum FollowUpKind
{
    StayReview = 1,
    DocumentRecovery = 2,
    MedicationContinuity = 3,
    JobSearch = 4,
    ChildService = 5,
    /// <summary>A woman on the waiting list no one has reached for a while.</summary>
    WaitingListContact = 6,
    Other = 9,
}

public enum FollowUpStatus
{
    Open = 1,
    Done = 2,
    DeclinedByHer = 3,
    Cancelled = 4,
}

/// <summary>
/// One piece of case work due for a resident (and a child, if any). A row in the shelter's
/// own database; Hangfire only acts on it, so a restart loses nothing.
/// </summary>
public class FollowUp : Integrity.IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public FollowUpKind Kind { get; set; }
    public int ResidentId { get; set; }
    public int? ChildId { get; set; }
    /// <summary>The stay a review is about.</summary>
    public int? StayId { get; set; }
    /// <summary>The document recovery this follow-up moves on.</summary>
    public int? DocumentRecoveryId { get; set; }
    public Documents.DocumentRecovery? Recovery { get; set; }
    /// <summary>The medication programme whose continuity this follow-up protects.</summary>
    public int? MedicationProgrammeId { get; set; }
    public string? AssignedToUserId { get; set; }
    public DateTime DueAt { get; set; }
    public FollowUpStatus Status { get; set; } = FollowUpStatus.Open;
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>What is to be done, in a few words, when the kind alone does not say it.</summary>
    public string? What { get; set; }
    /// <summary>The job search this follow-up moves on.</summary>
    public int? JobSearchId { get; set; }

    public List<FollowUpStep> Steps { get; set; } = [];

    public bool IsOpen => Status == FollowUpStatus.Open;
}

/// <summary>A dated note on a follow-up: what was done, what was learnt.</summary>
public class FollowUpStep
{
    public int Id { get; set; }
    public int FollowUpId { get; set; }
    public DateOnly On { get; set; }
    public required string Note { get; set; }
    public string? RecordedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
}
