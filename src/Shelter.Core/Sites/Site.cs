namespace Shelter.Core.Sites;

/// <summary>A shelter, crisis centre or harm-reduction centre with rooms and beds.</summary>
public class Site
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>A confidential address is shown only to people who work at the site.</summary>
    public bool IsAddressConfidential { get; set; }
    public string? Address { get; set; }

    /// <summary>The guide's example is three months.</summary>
    public int MaxStayDays { get; set; } = 90;
    public int MaxSafeRoomStayHours { get; set; } = 72;

    /// <summary>The time zone a new site starts with; each site then keeps its own.</summary>
    public const string DefaultTimeZoneId = "Europe/Kyiv";

    /// <summary>IANA time zone; "today", due dates, working hours and session times at the site are in it.</summary>
    public string TimeZoneId { get; set; } = DefaultTimeZoneId;

    /// <summary>Working hours for reminders to staff; nothing is sent outside them.</summary>
    public TimeOnly WorkdayStarts { get; set; } = new(9, 0);
    public TimeOnly WorkdayEnds { get; set; } = new(17, 0);

    public List<Room> Rooms { get; set; } = [];
}
