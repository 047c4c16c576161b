using Shelter.Core.Partners;

namespace Shelter.Core.Consents;

/// <summary>What information may be shared for (the guide: police, child welfare, medical, legal).</summary>
public enum ConsentPurpose
{
    Referral = 1,
    Police = 2,
    ChildWelfare = 3,
    Medical = 4,
    Legal = 5,
}

/// <summary>
/// Her consent to share her information with one partner for one purpose, until it expires or
/// she takes it back. Nothing is shared without one.
/// </summary>
public class Consent : Integrity.IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int ResidentId { get; set; }
    public int PartnerId { get; set; }
    public Partner Partner { get; set; } = null!;
    public ConsentPurpose Purpose { get; set; }
    public DateTime GivenAt { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsValidOn(DateOnly day) => RevokedAt is null && (ExpiresOn is null || ExpiresOn >= day);
}

public enum ReferralStatus
{
    Made = 1,
    Accepted = 2,
    Refused = 3,
    DeclinedByHer = 4,
}

/// <summary>A referral of a resident to a partner, made under a consent.</summary>
public class Referral
{
    public int Id { get; set; }
    public int ResidentId { get; set; }
    public int PartnerId { get; set; }
    public Partner Partner { get; set; } = null!;
    public ConsentPurpose Purpose { get; set; }
    public int ConsentId { get; set; }
    public DateTime MadeAt { get; set; }
    public ReferralStatus Status { get; set; } = ReferralStatus.Made;
}
