using Shelter.Core.Children;
using Shelter.Core.FollowUps;

namespace Shelter.Core.Tests;

public class WorkingHoursTests
{
    // Kyiv is UTC+2 in winter: 09:00 local is 07:00 UTC.
    private static readonly WorkingHours Hours = WorkingHours.Default("Europe/Kyiv");
    private static DateTime Kyiv(int day, int hour, int minute = 0) => new DateTime(2026, 11, day, hour, minute, 0, DateTimeKind.Utc)
        .AddHours(-2);

    [Fact]
    public void A_moment_within_working_hours_stays_as_it_is()
    {
        Assert.Equal(Kyiv(30, 10), Hours.NextWorkingMoment(Kyiv(30, 10))); // Monday 10:00
    }

    [Fact]
    public void A_reminder_that_falls_at_night_waits_for_the_morning()
    {
        Assert.Equal(Kyiv(25, 9), Hours.NextWorkingMoment(Kyiv(24, 22, 30))); // Tuesday night → Wednesday 09:00
        Assert.Equal(Kyiv(25, 9), Hours.NextWorkingMoment(Kyiv(25, 6)));      // Wednesday 06:00 → 09:00
    }

    [Fact]
    public void A_reminder_that_falls_at_the_weekend_waits_for_monday_morning()
    {
        Assert.Equal(Kyiv(30, 9), Hours.NextWorkingMoment(Kyiv(27, 18)));   // Friday after hours
        Assert.Equal(Kyiv(30, 9), Hours.NextWorkingMoment(Kyiv(28, 11)));   // Saturday
        Assert.Equal(Kyiv(30, 9), Hours.NextWorkingMoment(Kyiv(29, 23)));   // Sunday night
    }

    [Fact]
    public void The_reminder_for_monday_work_goes_out_on_friday_morning()
    {
        Assert.Equal(Kyiv(27, 9), Hours.ReminderFor(Kyiv(30, 17)));
        Assert.Equal(Kyiv(24, 9), Hours.ReminderFor(Kyiv(25, 17)));
    }

    [Fact]
    public void Overdue_work_is_escalated_at_the_start_of_the_next_working_day()
    {
        Assert.Equal(Kyiv(30, 9), Hours.StartOfNextWorkingDay(Kyiv(27, 17))); // due Friday → Monday
        Assert.Equal(Kyiv(25, 9), Hours.StartOfNextWorkingDay(Kyiv(24, 12)));
    }
}

public class SessionClashTests
{
    private static readonly DateTime Ten = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    private static CounsellingSession Session(int id, int child, string counsellor, string room, DateTime start, int minutes = 50) =>
        new()
        {
            Id = id, ChildId = child, CounsellorUserId = counsellor, Room = room, StartsAt = start,
            EndsAt = start.AddMinutes(minutes)
        };

    private static readonly CounsellingSession Booked = Session(1, child: 7, counsellor: "olena", room: "Play room", start: Ten);

    [Fact]
    public void Rooms_of_the_same_name_at_two_sites_do_not_clash_the_same_room_does()
    {
        var north = Session(1, 7, "olena", "Play room", Ten);
        north.CounsellingRoomId = 10;
        var south = Session(0, 8, "iryna", "Play room", Ten);
        south.CounsellingRoomId = 20;
        var sameRoom = Session(0, 8, "iryna", "Play room", Ten);
        sameRoom.CounsellingRoomId = 10;

        Assert.Null(SessionClash.Find(south, [north], "Europe/Kyiv"));
        Assert.StartsWith("Play room is already booked", SessionClash.Find(sameRoom, [north], "Europe/Kyiv")?.ToString());
    }

    [Fact]
    public void The_same_counsellor_at_an_overlapping_time_clashes()
    {
        var clash = SessionClash.Find(Session(0, 8, "olena", "Office", Ten.AddMinutes(30)), [Booked], "Europe/Kyiv");
        Assert.StartsWith("The counsellor already has a session", clash?.ToString());
    }

    [Fact]
    public void The_same_room_at_an_overlapping_time_clashes()
    {
        var clash = SessionClash.Find(Session(0, 8, "iryna", "play room ", Ten.AddMinutes(-20)), [Booked], "Europe/Kyiv");
        Assert.StartsWith("Play room is already booked", clash?.ToString());
    }

    [Fact]
    public void The_same_child_at_an_overlapping_time_clashes()
    {
        var clash = SessionClash.Find(Session(0, 7, "iryna", "Office", Ten.AddMinutes(49)), [Booked], "Europe/Kyiv");
        Assert.StartsWith("This child already has a session", clash?.ToString());
    }

    [Fact]
    public void Back_to_back_sessions_and_cancelled_ones_do_not_clash()
    {
        var cancelled = Session(2, 9, "olena", "Play room", Ten.AddHours(2));
        cancelled.CancelledAt = Ten;

        Assert.Null(SessionClash.Find(Session(0, 7, "olena", "Play room", Ten.AddMinutes(50)), [Booked], "Europe/Kyiv"));
        Assert.Null(SessionClash.Find(Session(0, 7, "olena", "Play room", Ten.AddHours(2)), [Booked, cancelled], "Europe/Kyiv"));
    }

    [Fact]
    public void A_session_that_ends_before_it_starts_is_refused()
    {
        var clash = SessionClash.Find(Session(0, 7, "olena", "Office", Ten, minutes: 0), [], "Europe/Kyiv");
        Assert.Equal("The session must end after it starts.", clash?.ToString());
    }
}
