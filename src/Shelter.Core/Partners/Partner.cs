namespace Shelter.Core.Partners;

public enum PartnerKind
{
    Shelter = 1,
    CrisisCentre = 2,
    HarmReduction = 3,
    LegalAid = 4,
    Medical = 5,
    EmploymentService = 6,
    ChildServices = 7,
    Police = 8,
}

/// <summary>What a partner is known to accept: the barriers the guide says to check before referring.</summary>
[Flags]
public enum PartnerAccepts
{
    None = 0,
    WomenWhoUseDrugs = 1,
    OstClients = 2,
    WomenLivingWithHiv = 4,
    WomenWithChildren = 8,
    WithoutDocuments = 16,
    TransAndNonBinaryWomen = 32,
    Wheelchair = 64,
    WithoutPcrTest = 128,
}

/// <summary>An organisation in the referral network (the guide's Strategy 2).</summary>
public class Partner
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public PartnerKind Kind { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public PartnerAccepts Accepts { get; set; }
    public string? Notes { get; set; }
    public bool Active { get; set; } = true;
}
