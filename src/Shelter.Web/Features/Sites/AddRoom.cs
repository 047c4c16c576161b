using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Sites;
using Shelter.Web.Infrastructure;

namespace Shelter.Web.Features.Sites;

public sealed class RoomForm
{
    [Required(ErrorMessage = "Give the room a name.")]
    [StringLength(80, ErrorMessage = "Keep the room's name under 80 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choose the kind of room.")]
    public RoomKind? Kind { get; set; }

    [Range(1, 20, ErrorMessage = "A room has 1 to 20 beds.")]
    public int Beds { get; set; } = 1;

    /// <summary>Rooms side by side share a unit name (a family unit).</summary>
    [StringLength(40, ErrorMessage = "Keep the unit's name under 40 characters.")]
    public string? FamilyUnit { get; set; }
}

/// <summary>Adds a room with its beds, or more beds to a room. Beds are labelled after the room.</summary>
public sealed class AddRoom(ShelterDbContext db)
{
    public async Task<Outcome> HandleAsync(int siteId, RoomForm form, CancellationToken ct)
    {
        if (!await db.Sites.AnyAsync(s => s.Id == siteId, ct)) return Outcome.Refused("That site no longer exists.");
        var name = form.Name.Trim();
        if (await db.Rooms.AnyAsync(r => r.SiteId == siteId && r.Name == name, ct))
            return Outcome.Refused("This site already has a room with that name.");
        var room = new Room
        {
            SiteId = siteId, Name = name, Kind = form.Kind!.Value, FamilyUnit = string.IsNullOrWhiteSpace(form.FamilyUnit)
            ? null : form.FamilyUnit.Trim()
        };
        room.Beds.AddRange(Enumerable.Range(1, form.Beds).Select(n => new Bed { Label = BedLabel(name, n) }));
        db.Rooms.Add(room);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> AddBedsAsync(int siteId, int roomId, int count, CancellationToken ct)
    {
        if (count is < 1 or > 20) return Outcome.Refused("Add 1 to 20 beds at a time.");
        var room = await db.Rooms.Include(r => r.Beds).FirstOrDefaultAsync(r => r.Id == roomId && r.SiteId == siteId, ct);
        if (room is null) return Outcome.Refused("That room is not at this site.");
        var next = room.Beds.Count + 1;
        var taken = room.Beds.Select(b => b.Label).ToHashSet();
        for (var added = 0; added < count; next++)
        {
            var label = BedLabel(room.Name, next);
            if (taken.Contains(label)) continue;
            room.Beds.Add(new Bed { Label = label });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>A counselling room at this site: the list social workers book children's sessions from.</summary>
    public async Task<Outcome> AddCounsellingRoomAsync(int siteId, string? name, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 80)
            return Outcome.Refused("Give the counselling room a name of at most 80 characters.");
        if (!await db.Sites.AnyAsync(s => s.Id == siteId, ct)) return Outcome.Refused("That site no longer exists.");
        if (await db.CounsellingRooms.AnyAsync(r => r.SiteId == siteId && r.Name == name, ct))
            return Outcome.Refused("This site already has a counselling room with that name.");
        var room = new Core.Children.CounsellingRoom { SiteId = siteId, Name = name };
        db.CounsellingRooms.Add(room);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>"Family room A", 2 → "FA-2": short enough for a printed board.</summary>
    public static string BedLabel(string roomName, int number)
    {
        var initials = new string(roomName.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0])).Take(3).ToArray());
        return $"{initials}-{number}";
    }
}
