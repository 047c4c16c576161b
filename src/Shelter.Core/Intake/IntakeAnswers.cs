using Shelter.Core.Residents;

namespace Shelter.Core.Intake;

public enum Answer
{
    NotSaid = 0,
    Yes = 1,
    No = 2,
}

[Flags]
public enum MissingDocuments
{
    None = 0,
    Passport = 1,
    NationalId = 2,
    ChildBirthCertificate = 4,
    MedicalRecords = 8,
    ResidenceRegistration = 16,
    SocialBenefitPapers = 32,
}

/// <summary>What she chose, when she had a choice to make.</summary>
public enum HerChoice
{
    /// <summary>A place with us: the allocator finds the best fit.</summary>
    StayHere = 0,
    /// <summary>She prefers a partner's service (another shelter, her family, a crisis centre).</summary>
    AnotherOption = 1,
}

/// <summary>
/// Everything the intake form asks. The admission policy reads what it needs for housing and
/// nothing else: medication, documents, gender identity and languages are here because the
/// form asks them for her care, and a test proves none of them moves the outcome. Drug use,
/// hepatitis/TB, sex work, a COVID test, ethnicity and a criminal record are not asked at all.
/// </summary>
public sealed record IntakeAnswers
{
    public ArrivalRoute Route { get; init; } = ArrivalRoute.Self;
    public IReadOnlyList<int> ChildAges { get; init; } = [];
    /// <summary>Optional, in the order of <see cref="ChildAges"/>: only so that a room or a partner that takes boys up to an age keeps the
    /// family whole.</summary>
    public IReadOnlyList<ChildSex?> ChildSexes { get; init; } = [];
    public bool NeedsAccessibleRoom { get; init; }
    public bool Pregnant { get; init; }
    public Answer TakesOst { get; init; }
    public Answer TakesArt { get; init; }
    public Answer HasEnoughMedication { get; init; }
    public MissingDocuments MissingDocuments { get; init; }
    public string? GenderIdentity { get; init; }
    /// <summary>She is a transgender woman: asked only so that she is never referred to a partner that refuses her.</summary>
    public bool TransWoman { get; init; }
    public string? Languages { get; init; }
    public HitsScreening? Hits { get; init; }
    /// <summary>Staff judge her in danger now whatever the score (another screening, what she says).</summary>
    public bool InDangerNow { get; init; }
    public Answer HasSafetyPlan { get; init; }
    public HerChoice Choice { get; init; }
    public bool NeedsHospitalCareNow { get; init; }
    public bool LeftBeforeDecision { get; init; }

    public bool HighRisk => InDangerNow || Hits?.IsPositive == true;
}
