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

    public int BedId { get; set; }
    public Bed Bed { get; set; } = null!;

    /// <summary>When she arrived in the network; kept across moves so length of stay is whole.</summary>
    public DateTime AdmittedAt { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>The site's maximum unless an individual term was agreed.</summary>
    public DateTime PlannedEndAt { get; set; }
    /// <summary>Her family sleeps in rooms side by side because one room could not hold it, and she agreed: her choice, recorded.</summary>
    public bool HouseholdAcrossRoomsByHerChoice { get; set; }
    /// <summary>Written conditions of an agreed term (the Oksana example: find a job, attend counselling).</summary>
    public string? Conditions { get; set; }

    public DateTime? EndedAt { get; set; }
    public ExitReason? ExitReason { get; set; }
    public ExitDestination? ExitDestination { get; set; }

    /// <summary>When staff chose another bed than the suggested one: which, and why.</summary>
    public int? SuggestedBedId { get; set; }
    public string? OverrideReason { get; set; }

    public int? MovedFromStayId { get; set; }

    public bool IsActive => EndedAt is null;
    public bool IsChildStay => ChildId is not null;
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
