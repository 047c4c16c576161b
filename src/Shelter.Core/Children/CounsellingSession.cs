using Shelter.Core.Text;

namespace Shelter.Core.Children;

/// <summary>A counselling session for a child with a child psychotherapist (a colleague or a partner's).</summary>
public class CounsellingSession : Integrity.IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int ChildId { get; set; }
    public int ResidentId { get; set; }
    /// <summary>The counsellor: a staff account or a partner's psychotherapist by name.</summary>
    public string? CounsellorUserId { get; set; }
    public string? CounsellorName { get; set; }
    /// <summary>The room's name as it was when booked (kept for the record).</summary>
    public required string Room { get; set; }
    /// <summary>The counselling room at her site; null on sessions booked before rooms belonged to sites.</summary>
    public int? CounsellingRoomId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public bool? Attended { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? ScheduledByUserId { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Who the counsellor is, for clash checks: the account if there is one, otherwise the name.</summary>
    public string CounsellorKey => CounsellorUserId ?? "name:" + (CounsellorName ?? "").Trim().ToLowerInvariant();
}

/// <summary>
/// A new session must not double-book the counsellor, the room or the child.
/// Returns what clashes (to be said in the reader's language), or null when the time is free.
/// </summary>
public static class SessionClash
{
    /// <summary>
    /// Times in the message are on the clock of <paramref name="timeZoneId"/> (the site she is booked at), and say so
    /// ("10:00–10:50 (Almaty time) on 15 Jan"); the day is formatted in the reader's culture.
    /// </summary>
    public static Said? Find(CounsellingSession proposed, IEnumerable<CounsellingSession> booked, string timeZoneId)
    {
        if (proposed.EndsAt <= proposed.StartsAt) return new("The session must end after it starts.");
        var overlapping = booked.Where(b => b.CancelledAt is null && b.Id != proposed.Id
            && b.StartsAt < proposed.EndsAt && proposed.StartsAt < b.EndsAt);
        foreach (var other in overlapping)
        {
            var starts = Sites.SiteTime.Local(timeZoneId, other.StartsAt);
            var ends = Sites.SiteTime.Show(other.EndsAt, timeZoneId, "HH:mm");
            if (other.CounsellorKey == proposed.CounsellorKey)
                return new("The counsellor already has a session {0:HH:mm}–{1} on {2:dd MMM}.", starts, ends, starts);
            if (SameRoom(other, proposed))
                return new("{0} is already booked {1:HH:mm}–{2} on {3:dd MMM}.", other.Room.Trim(), starts, ends, starts);
            if (other.ChildId == proposed.ChildId)
                return new("This child already has a session {0:HH:mm}–{1} on {2:dd MMM}.", starts, ends, starts);
        }
        return null;
    }

    /// <summary>Rooms belong to a site: two rooms of the same name at two sites are two rooms.</summary>
    private static bool SameRoom(CounsellingSession a, CounsellingSession b) =>
        a.CounsellingRoomId is int x && b.CounsellingRoomId is int y ? x == y
        : a.CounsellingRoomId is null && b.CounsellingRoomId is null
            && string.Equals(a.Room.Trim(), b.Room.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>A room where children's counselling is held, at one site (a list per site, kept by managers).</summary>
public class CounsellingRoom
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public required string Name { get; set; }
}
