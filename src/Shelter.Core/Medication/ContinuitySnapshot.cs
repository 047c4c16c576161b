namespace Shelter.Core.Medication;

/// <summary>
/// What the daily sweep found, as counts only: how many residents in the house were on a
/// programme and how many of those programmes were covered. Reports add these up into the
/// share of resident-days covered.
/// </summary>
public class ContinuitySnapshot
{
    public int Id { get; set; }
    public DateOnly Day { get; set; }
    public int Programmes { get; set; }
    public int Covered { get; set; }
    public int AtRisk { get; set; }
    public int Broken { get; set; }
}
