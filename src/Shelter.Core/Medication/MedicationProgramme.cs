using Shelter.Core.Intake;

namespace Shelter.Core.Medication;

public enum MedicationKind
{
    Ost = 1,
    Art = 2,
    Other = 3,
}

/// <summary>
/// A continuing treatment she must not lose while she stays: opioid substitution therapy,
/// antiretroviral therapy or another. Need-to-know: staff see only that it needs attention.
/// </summary>
public class MedicationProgramme
{
    public int Id { get; set; }
    public int ResidentId { get; set; }
    public MedicationKind Kind { get; set; }
    /// <summary>At intake: did she have enough with her?</summary>
    public Answer HasEnoughAtIntake { get; set; }
    /// <summary>The last day her supply on hand covers.</summary>
    public DateOnly? SupplyUntil { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime? EndedAt { get; set; }
}
