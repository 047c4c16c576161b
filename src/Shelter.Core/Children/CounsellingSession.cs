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
/// Returns what clashes, or null when the time is free.
/// </summary>
public static class SessionClash
{
    /// <summary>Times in the message are on the clock of <paramref name="timeZoneId"/> (the site she is booked at), and say so.</summary>
    public static string? Find(CounsellingSession proposed, IEnumerable<CounsellingSession> booked, string timeZoneId)
    {
        if (proposed.EndsAt <= proposed.StartsAt) return "The session must end after it starts.";
        foreach (var other in booked.Where(b => b.CancelledAt is null && b.Id != proposed.Id && b.StartsAt < proposed.EndsAt && proposed.StartsAt < b.EndsAt))
        {
            var when = $"{Sites.SiteTime.Local(timeZoneId, other.StartsAt):HH:mm}–{Sites.SiteTime.Show(other.EndsAt, timeZoneId, "HH:mm")} on {Sites.SiteTime.Local(timeZoneId, other.StartsAt):dd MMM}";
            if (other.CounsellorKey == proposed.CounsellorKey) return $"The counsellor already has a session {when}.";
            if (SameRoom(other, proposed)) return $"{other.Room.Trim()} is already booked {when}.";
            if (other.ChildId == proposed.ChildId) return $"This child already has a session {when}.";
        }
        return null;
    }

    /// <summary>Rooms belong to a site: two rooms of the same name at two sites are two rooms.</summary>
    private static bool SameRoom(CounsellingSession a, CounsellingSession b) =>
        a.CounsellingRoomId is int x && b.CounsellingRoomId is int y ? x == y
        : a.CounsellingRoomId is null && b.CounsellingRoomId is null && string.Equals(a.Room.Trim(), b.Room.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>A room where children's counselling is held, at one site (a list per site, kept by managers).</summary>
public class CounsellingRoom
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public required string Name { get; set; }
}
