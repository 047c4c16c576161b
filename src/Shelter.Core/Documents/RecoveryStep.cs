namespace Shelter.Core.Documents;

/// <summary>The procedure a case manager walks with her, step by step.</summary>
public enum RecoveryStepKind
{
    ReportedToPolice = 1,
    ApplicationFiled = 2,
    Appointment = 3,
    Issued = 4,
    Collected = 5,
}

public class RecoveryStep
{
    public int Id { get; set; }
    public int DocumentRecoveryId { get; set; }
    public RecoveryStepKind Kind { get; set; }
    public DateOnly On { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
}
