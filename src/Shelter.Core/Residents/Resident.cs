namespace Shelter.Core.Residents;

/// <summary>
/// A woman staying with the shelter. Only the alias is required: she may give no
/// legal name, no date of birth and no documents, and is helped all the same.
/// </summary>
public class Resident
{
    public int Id { get; set; }
    public required string Alias { get; set; }
    public string? LegalName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? GenderIdentity { get; set; }
    public string? Languages { get; set; }

    /// <summary>Without her consent only the alias and the intake outcome are kept.</summary>
    public bool ConsentToKeepData { get; set; }

    /// <summary>She uses a wheelchair or otherwise needs an accessible room.</summary>
    public bool NeedsAccessibleRoom { get; set; }

    /// <summary>The last risk screening was positive: prefer a safe room or a confidential address.</summary>
    public bool HighRisk { get; set; }
    public DateTime RegisteredAt { get; set; }

    /// <summary>
    /// The site of her latest own stay (not a child's), or null if she was never housed: who
    /// reaches her. Kept by the save that adds her stays (<c>ResidentSiteTracker</c>), indexed.
    /// </summary>
    public int? CurrentSiteId { get; set; }

    public List<Child> Children { get; set; } = [];
}
