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

/// <summary>An organisation in the referral network (the guide's Strategy 2).</summary>
public class Partner
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public PartnerKind Kind { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }

    // What it accepts, each yes / no / not known (the barriers the guide says to check before referring).
    public Acceptance AcceptsDrugUse { get; set; }
    public Acceptance AcceptsOst { get; set; }
    public Acceptance AcceptsArt { get; set; }
    public Acceptance AcceptsChildren { get; set; }
    /// <summary>The oldest boy it takes with his mother; null when not known.</summary>
    public int? BoysUpToAge { get; set; }
    public Acceptance AcceptsWithoutDocuments { get; set; }
    public Acceptance AcceptsTransWomen { get; set; }
    public Acceptance AcceptsWheelchair { get; set; }
    /// <summary>When someone last confirmed the answers above with the partner.</summary>
    public DateOnly? AcceptanceConfirmedOn { get; set; }

    /// <summary>The days of the week a dispensing site opens, one bit per <see cref="DayOfWeek"/>; null when not recorded.</summary>
    public int? OpenDays { get; set; }

    public IReadOnlySet<DayOfWeek>? OpeningDays => OpenDays is int bits
        ? Enum.GetValues<DayOfWeek>().Where(d => (bits & (1 << (int)d)) != 0).ToHashSet()
        : null;

    public static int? DaysToBits(IEnumerable<DayOfWeek> days)
    {
        var list = days.ToList();
        return list.Count == 0 ? null : list.Aggregate(0, (bits, d) => bits | (1 << (int)d));
    }
    public string? Notes { get; set; }
    public bool Active { get; set; } = true;
}

public static class PartnerDirectoryEntries
{
    public static DirectoryEntry ToDirectoryEntry(this Partner p) => new(p.Id, p.Name, p.Kind)
    {
        DrugUse = p.AcceptsDrugUse, Ost = p.AcceptsOst, Art = p.AcceptsArt, Children = p.AcceptsChildren, BoysUpToAge = p.BoysUpToAge,
        WithoutDocuments = p.AcceptsWithoutDocuments, TransWomen = p.AcceptsTransWomen, Wheelchair = p.AcceptsWheelchair,
        ConfirmedOn = p.AcceptanceConfirmedOn, Phone = p.Phone, Email = p.Email, Address = p.Address,
    };
}
