using Shelter.Core.Residents;

namespace Shelter.Core.Sites;

public enum HoldRelease
{
    Arrived = 1,
    Expired = 2,
    Cancelled = 3,
}

/// <summary>
/// A bed kept for a woman on her way (the police or the help line called ahead). No name is
/// stored: only how she is coming. Released automatically when the time runs out.
/// </summary>
public class BedHold : Integrity.IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int BedId { get; set; }
    public Bed Bed { get; set; } = null!;
    public ArrivalRoute ComingThrough { get; set; }
    public DateTime HeldAt { get; set; }
    public DateTime HeldUntil { get; set; }
    public DateTime? ReleasedAt { get; set; }
    public HoldRelease? Release { get; set; }

    public bool IsOpen => ReleasedAt is null;
}
