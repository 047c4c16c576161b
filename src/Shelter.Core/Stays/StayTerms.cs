using Shelter.Core.Sites;

namespace Shelter.Core.Stays;

/// <summary>
/// The terms of a stay: the site's maximum by default (90 days; 72 hours in a safe room),
/// or an agreed end. A review is due a week before the end, three days for safe rooms,
/// and never before the stay started.
/// </summary>
public static class StayTerms
{
    public const int ReviewDaysBefore = 7;
    public const int SafeRoomReviewDaysBefore = 3;

    public static DateTime DefaultEnd(RoomKind room, DateTime startedAt, int maxStayDays, int maxSafeRoomStayHours) =>
        room == RoomKind.SafeRoom
            ? startedAt.AddHours(maxSafeRoomStayHours)
            : startedAt.AddDays(maxStayDays);

    public static DateTime ReviewDue(RoomKind room, DateTime startedAt, DateTime plannedEndAt)
    {
        var due = plannedEndAt.AddDays(-(room == RoomKind.SafeRoom ? SafeRoomReviewDaysBefore : ReviewDaysBefore));
        return due < startedAt ? startedAt : due;
    }

    /// <summary>Null when the new end is acceptable, otherwise what is wrong with it.</summary>
    public static string? CheckNewEnd(DateTime startedAt, DateTime newEnd, DateTime now)
    {
        if (newEnd <= startedAt) return "The end must come after the stay began.";
        if (newEnd <= now) return "The end must be in the future.";
        return null;
    }
}
