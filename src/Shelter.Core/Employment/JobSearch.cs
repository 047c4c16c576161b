namespace Shelter.Core.Employment;

public enum JobSearchStepKind
{
    RegisteredWithEmploymentService = 1,
    CvWritten = 2,
    Interview = 3,
    Training = 4,
    Offer = 5,
    StartedWork = 6,
}

public enum JobSearchStatus
{
    Open = 1,
    Employed = 2,
    DeclinedByHer = 3,
    Closed = 4,
}

/// <summary>Whether the conditions agreed for her stay ask her to look for work, in whatever language they were written.</summary>
public static class JobSearchCondition
{
    // Stems, so "работу", "роботи" and "employment" all count.
    private static readonly string[] Stems =
        ["job", "work", "employ", "работ", "трудоустр", "занятост", "робот", "працевлашт", "зайнятост"];

    public static bool AskedFor(string? conditions) =>
        conditions is not null && Stems.Any(s => conditions.Contains(s, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Her search for work, tracked like a document recovery; it may be a condition of her stay.</summary>
public class JobSearch
{
    public int Id { get; set; }
    public int ResidentId { get; set; }
    public DateTime StartedAt { get; set; }
    public JobSearchStatus Status { get; set; } = JobSearchStatus.Open;
    /// <summary>Her stay's conditions ask for it (the Oksana example).</summary>
    public bool ConditionOfStay { get; set; }
    public List<JobSearchStep> Steps { get; set; } = [];
}

public class JobSearchStep
{
    public int Id { get; set; }
    public int JobSearchId { get; set; }
    public JobSearchStepKind Kind { get; set; }
    public DateOnly On { get; set; }
    public string? Employer { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
}
