namespace Shelter.Core.Residents;

/// <summary>How a woman reached the shelter (the guide's referral routes).</summary>
public enum ArrivalRoute
{
    HelpLine = 1,
    Police = 2,
    OutreachWorker = 3,
    Paralegal = 4,
    CaseManager = 5,
    Self = 6,
    PartnerOrganisation = 7,
}
