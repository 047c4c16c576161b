namespace Shelter.Core.Sites;

public enum OutOfServiceReason
{
    Repair = 1,
    Cleaning = 2,
    Quarantine = 3,
    Other = 4,
}

/// <summary>A bed nobody can sleep in for a range of days (both ends included; no end means until further notice).</summary>
public class BedOutOfService
{
    public int Id { get; set; }
    public int BedId { get; set; }
    public Bed Bed { get; set; } = null!;
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public OutOfServiceReason Reason { get; set; }
    public DateTime RecordedAt { get; set; }

    public bool Covers(DateOnly day) => From <= day && (To is null || To >= day);
}
