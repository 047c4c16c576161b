namespace Shelter.Core.Sites;

public enum RoomKind
{
    Single = 1,
    Shared = 2,
    Family = 3,
    Accessible = 4,
    SafeRoom = 5,
}

public class Room
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site Site { get; set; } = null!;
    public required string Name { get; set; }
    public RoomKind Kind { get; set; }
    /// <summary>Rooms of one site with the same unit are side by side (a family unit): one household may use them together, if she
    /// agrees.</summary>
    public string? FamilyUnit { get; set; }
    public List<Bed> Beds { get; set; } = [];
}
