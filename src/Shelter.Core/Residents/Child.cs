namespace Shelter.Core.Residents;

/// <summary>A child who arrived with her mother; a resident too.</summary>
public class Child
{
    public int Id { get; set; }
    public int ResidentId { get; set; }
    public Resident Resident { get; set; } = null!;
    public required string Alias { get; set; }
    /// <summary>Unknown when she did not consent to keeping her data.</summary>
    public int? AgeAtArrival { get; set; }
    public DateOnly ArrivedOn { get; set; }
    /// <summary>Optional; recorded only to keep a family together where rooms or partners take boys up to an age.</summary>
    public ChildSex? Sex { get; set; }

    /// <summary>School or kindergarten.</summary>
    public string? School { get; set; }
    public string? ChildcareNeeds { get; set; }

    public int? AgeOn(DateOnly day) => AgeOn(AgeAtArrival, ArrivedOn, day);

    public static int? AgeOn(int? ageAtArrival, DateOnly arrivedOn, DateOnly day) =>
        ageAtArrival + Math.Max(0, (day.DayNumber - arrivedOn.DayNumber) / 365);
}
