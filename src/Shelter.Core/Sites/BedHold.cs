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

    // A hold ends only through the transitions below; EF reads and writes the fields.
    public DateTime? ReleasedAt { get => _releasedAt; init => _releasedAt = value; }
    private DateTime? _releasedAt;
    public HoldRelease? Release { get => _release; init => _release = value; }
    private HoldRelease? _release;

    public bool IsOpen => ReleasedAt is null;

    /// <summary>Hold: a free bed kept for a woman on her way, for a few hours.</summary>
    public static BedHold Take(int bedId, ArrivalRoute comingThrough, DateTime now, TimeSpan length) => length > TimeSpan.Zero
        ? new() { BedId = bedId, ComingThrough = comingThrough, HeldAt = now, HeldUntil = now + length }
        : throw new ArgumentOutOfRangeException(nameof(length), "A hold lasts some time.");

    /// <summary>She arrived: the hold made way for her stay.</summary>
    public void ReleaseOnArrival(DateTime now) => Close(now, HoldRelease.Arrived);

    /// <summary>Staff let the bed go before the time ran out.</summary>
    public void Cancel(DateTime now) => Close(now, HoldRelease.Cancelled);

    /// <summary>Release: the time ran out. False (and nothing changes) if the hold is closed or still running.</summary>
    public bool ExpireIfDue(DateTime now)
    {
        if (!IsOpen || HeldUntil > now) return false;
        Close(now, HoldRelease.Expired);
        return true;
    }

    private void Close(DateTime now, HoldRelease why)
    {
        if (!IsOpen) throw new InvalidOperationException("This hold has already ended.");
        _releasedAt = now;
        _release = why;
    }
}
