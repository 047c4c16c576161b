using Shelter.Core.Residents;

namespace Shelter.Core.Intake;

/// <summary>
/// One intake and its outcome. The outcome is always kept; the answers only with her consent
/// to keep her data (without it, the resident is an alias and this row is the outcome).
/// </summary>
public class Intake
{
    public int Id { get; set; }
    public int ResidentId { get; set; }
    public Resident Resident { get; set; } = null!;
    public DateTime ReceivedAt { get; set; }
    public string? RecordedByUserId { get; set; }
    public bool ConsentToKeepData { get; set; }

    // Kept only with her consent.
    public ArrivalRoute? Route { get; set; }
    public int? HitsHurt { get; set; }
    public int? HitsInsult { get; set; }
    public int? HitsThreaten { get; set; }
    public int? HitsScream { get; set; }
    public int? HitsTotal { get; set; }
    public bool? InDangerNow { get; set; }
    public Answer? HasSafetyPlan { get; set; }
    public bool? Pregnant { get; set; }

    // Always kept.
    public IntakeOutcome Outcome { get; set; }
    public OutcomeReason? Reason { get; set; }
    public int? ProposedPartnerId { get; set; }
    public List<IntakeProposal> Proposals { get; set; } = [];
    public int? StayId { get; set; }
}

public enum WaitingClosed
{
    Admitted = 1,
    Referred = 2,
    /// <summary>Older rows; staff now choose one of the reasons below.</summary>
    NoLongerNeeded = 3,
    HousedElsewhere = 4,
    /// <summary>No contact after the attempts recorded.</summary>
    NoContact = 5,
    HerChoice = 6,
}

/// <summary>A woman waiting for a bed that fits her (and her children).</summary>
public class WaitingEntry
{
    public int Id { get; set; }
    public int ResidentId { get; set; }
    public Resident Resident { get; set; } = null!;
    public int IntakeId { get; set; }
    public DateTime Since { get; set; }
    public bool HighRisk { get; set; }
    public int? HitsTotal { get; set; }
    public int Children { get; set; }
    public bool NeedsAccessibleRoom { get; set; }
    public DateTime? ClosedAt { get; set; }
    public WaitingClosed? Closed { get; set; }
    /// <summary>When staff last reached her; null until the first contact after intake.</summary>
    public DateTime? LastContactAt { get; set; }
    public List<WaitingContact> Contacts { get; set; } = [];
}

/// <summary>A try to reach a woman on the waiting list: whether it reached her. No content, no number.</summary>
public class WaitingContact
{
    public int Id { get; set; }
    public int WaitingEntryId { get; set; }
    public DateTime At { get; set; }
    public bool Reached { get; set; }
    public string? RecordedByUserId { get; set; }
}

/// <summary>
/// A partner proposed at intake, best first. What is not known about the partner is kept only
/// with her consent (it reveals her needs); the partner and its rank always.
/// </summary>
public class IntakeProposal
{
    public int Id { get; set; }
    public int IntakeId { get; set; }
    public int PartnerId { get; set; }
    public Partners.Partner Partner { get; set; } = null!;
    public int Rank { get; set; }
    /// <summary>No partner fits: this harm-reduction partner keeps in touch with her meanwhile.</summary>
    public bool Outreach { get; set; }
    /// <summary>Her needs the partner is known to accept, comma-separated (<see cref="Partners.HerNeed"/>).</summary>
    public string? Fits { get; set; }
    /// <summary>Her needs the directory does not know about: call first.</summary>
    public string? NotKnown { get; set; }

    public static string? Join(IEnumerable<Partners.HerNeed> needs) => needs.Any() ? string.Join(",", needs) : null;

    public static IReadOnlyList<Partners.HerNeed> Split(string? needs) =>
        needs is null ? [] : needs.Split(',').Select(Enum.Parse<Partners.HerNeed>).ToList();
}
