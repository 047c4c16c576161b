namespace Shelter.Core.Sites;

public class Bed
{
    public int Id { get; set; }
    public int RoomId { get; set; }
    public Room Room { get; set; } = null!;
    public required string Label { get; set; }
}
