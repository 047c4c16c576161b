using Shelter.Core.Residents;
using Shelter.Core.Sites;

namespace Shelter.Core.Stays;

/// <summary>
/// One person in one bed for a period. A mother and each child have a stay each, all in
/// one room; a move ends the stay in the old bed and starts one in the new bed with the
/// same terms. A stay with no end is active.
/// </summary>
public class Stay : Integrity.IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int ResidentId { get; set; }
    public Resident Resident { get; set; } = null!;

    /// <summary>Set when this stay is a child's bed beside her mother.</summary>
    public int? ChildId { get; set; }
    public Child? Child { get; set; }

    public int BedId { get; init; }
    public Bed Bed { get; set; } = null!;

    /// <summary>When she arrived in the network; kept across moves so length of stay is whole.</summary>
    public DateTime AdmittedAt { get; init; }
    public DateTime StartedAt { get; init; }

    /// <summary>The site's maximum unless an individual term was agreed.</summary>
    public DateTime PlannedEndAt { get => _plannedEndAt; init => _plannedEndAt = value; }
    private DateTime _plannedEndAt;
    /// <summary>Her family sleeps in rooms side by side because one room could not hold it, and she agreed: her choice, recorded.</summary>
    public bool HouseholdAcrossRoomsByHerChoice { get; set; }
    /// <summary>Written conditions of an agreed term (the Oksana example: find a job, attend counselling).</summary>
    public string? Conditions { get => _conditions; init => _conditions = value; }
    private string? _conditions;

    // The end, the terms and the reason change only through the transitions below (seeders and
    // tests may still write history with initializers); EF reads and writes the fields.
    public DateTime? EndedAt { get => _endedAt; init => _endedAt = value; }
    private DateTime? _endedAt;
    public ExitReason? ExitReason { get => _exitReason; init => _exitReason = value; }
    private ExitReason? _exitReason;
    public ExitDestination? ExitDestination { get => _exitDestination; init => _exitDestination = value; }
    private ExitDestination? _exitDestination;

    /// <summary>When staff chose another bed than the suggested one: which, and why.</summary>
    public int? SuggestedBedId { get; set; }
    public string? OverrideReason { get; set; }

    public int? MovedFromStayId { get; set; }

    public bool IsActive => EndedAt is null;

    /// <summary>Check-in: a woman, or one of her children, into a bed from now until the planned end.</summary>
    public static Stay CheckIn(Resident resident, Child? child, int bedId, DateTime now, DateTime plannedEnd, string? conditions) => new()
    {
        Resident = resident, Child = child, BedId = bedId, AdmittedAt = now, StartedAt = now,
        PlannedEndAt = plannedEnd, Conditions = conditions,
    };

    /// <summary>
    /// Move: this stay ends as "moved within the network" and the returned one starts in the new
    /// bed with the same arrival and conditions, so her length of stay stays whole.
    /// </summary>
    public Stay MoveTo(int bedId, DateTime now, DateTime plannedEnd)
    {
        End(now, Stays.ExitReason.MovedWithinNetwork, Stays.ExitDestination.WithinThisNetwork);
        return new Stay
        {
            ResidentId = ResidentId, ChildId = ChildId, BedId = bedId, AdmittedAt = AdmittedAt, StartedAt = now,
            PlannedEndAt = plannedEnd, Conditions = Conditions, MovedFromStayId = Id,
        };
    }

    /// <summary>Check-out with why and where to; a move within the network is <see cref="MoveTo"/>, never a check-out.</summary>
    public void CheckOut(ExitReason reason, ExitDestination destination, DateTime now)
    {
        if (reason == Stays.ExitReason.MovedWithinNetwork)
            throw new ArgumentException("A move within the network is a move, not a check-out.", nameof(reason));
        End(now, reason, destination);
    }

    /// <summary>Extend (or agree) the term: a new planned end and its written conditions.</summary>
    public void ChangeTerms(DateTime plannedEnd, string? conditions)
    {
        EnsureActive();
        if (plannedEnd <= StartedAt) throw new ArgumentException("The end must come after the stay began.", nameof(plannedEnd));
        _plannedEndAt = plannedEnd;
        _conditions = conditions;
    }

    private void End(DateTime now, ExitReason reason, ExitDestination destination)
    {
        EnsureActive();
        _endedAt = now;
        _exitReason = reason;
        _exitDestination = destination;
    }

    private void EnsureActive()
    {
        if (!IsActive) throw new InvalidOperationException("This stay has already ended.");
    }
}

public enum ExitReason
{
    PlannedEnd = 1,
    HerChoice = 2,
    MovedWithinNetwork = 3,
    ReferredElsewhere = 4,
    NeedsHospitalCare = 5,
    LeftWithoutNotice = 6,
    SafeRoomStayEnded = 7,
}

public enum ExitDestination
{
    OwnHousing = 1,
    FamilyOrFriends = 2,
    AnotherShelter = 3,
    HospitalOrTreatment = 4,
    ReturnedToPartner = 5,
    WithinThisNetwork = 6,
    Unknown = 7,
    Other = 8,
}

/// <summary>A stay's planned end moved later, with the reason.</summary>
public class StayExtension
{
    public int Id { get; set; }
    public int StayId { get; set; }
    public Stay Stay { get; set; } = null!;
    public DateTime PreviousEndAt { get; set; }
    public DateTime NewEndAt { get; set; }
    public required string Reason { get; set; }
    public string? ConditionsBefore { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
}
