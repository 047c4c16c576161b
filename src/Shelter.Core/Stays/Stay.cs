using Shelter.Core.Residents;
using Shelter.Core.Sites;

namespace Shelter.Core.Stays;

/// <summary>
/// One person in one bed for a period. A mother and each child who sleeps in a bed
/// of their own have a stay each; a stay with no end is active.
/// </summary>
public class Stay
{
    public int Id { get; set; }
    public int ResidentId { get; set; }
    public Resident Resident { get; set; } = null!;

    /// <summary>Set when this stay is a child's bed beside her mother.</summary>
    public int? ChildId { get; set; }
    public Child? Child { get; set; }

    public int BedId { get; set; }
    public Bed Bed { get; set; } = null!;

    public DateTime StartedAt { get; set; }
    public DateOnly? AgreedEndOn { get; set; }
    public DateTime? EndedAt { get; set; }

    public bool IsActive => EndedAt is null;
}
