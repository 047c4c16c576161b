using Shelter.Core.Children;
using Shelter.Core.FollowUps;
using Shelter.Core.Sites;
using Shelter.Core.Text;

namespace Shelter.Core.Tests;

/// <summary>Two sites a few hours apart (Kyiv UTC+2/+3, Almaty UTC+5 all year): each keeps its own clock.</summary>
public class SiteTimeTwoTimeZonesTests
{
    private static readonly WorkingHours Kyiv = WorkingHours.Default("Europe/Kyiv");
    private static readonly WorkingHours Almaty = WorkingHours.Default("Asia/Almaty");

    [Fact]
    public void Work_due_on_a_day_is_due_at_the_end_of_that_day_at_the_site()
    {
        var day = new DateOnly(2026, 1, 15);
        Assert.Equal(new DateTime(2026, 1, 15, 15, 0, 0, DateTimeKind.Utc), Kyiv.DueAt(day));   // 17:00 Kyiv
        Assert.Equal(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc), Almaty.DueAt(day)); // 17:00 Almaty
    }

    [Fact]
    public void The_same_moment_is_working_time_at_one_site_and_evening_at_the_other()
    {
        var moment = new DateTime(2026, 1, 15, 13, 0, 0, DateTimeKind.Utc); // 15:00 Kyiv, 18:00 Almaty
        Assert.True(Kyiv.IsWorkingTime(moment));
        Assert.False(Almaty.IsWorkingTime(moment));
        Assert.Equal(new DateTime(2026, 1, 16, 4, 0, 0, DateTimeKind.Utc), Almaty.NextWorkingMoment(moment)); // Friday 09:00 Almaty
    }

    [Fact]
    public void Today_turns_over_at_each_sites_midnight()
    {
        var moment = new DateTime(2026, 1, 15, 20, 30, 0, DateTimeKind.Utc); // 22:30 Kyiv, 01:30 next day in Almaty
        Assert.Equal(new DateOnly(2026, 1, 15), Kyiv.Today(moment));
        Assert.Equal(new DateOnly(2026, 1, 16), Almaty.Today(moment));
    }

    [Fact]
    public void A_time_shown_says_whose_time_it_is()
    {
        var moment = new DateTime(2026, 1, 15, 16, 4, 0, DateTimeKind.Utc);
        Assert.Equal("21:04 (Almaty time)", SiteTime.Show(moment, "Asia/Almaty", "HH:mm").ToString());
        Assert.Equal("18:04 (Kyiv time)", SiteTime.Show(moment, "Europe/Kyiv", "HH:mm").ToString());
        Assert.Equal("Ho Chi Minh time", SiteTime.Label("Asia/Ho_Chi_Minh").ToString());
        // The place is its own sentence, so the reader's language can name the city.
        Assert.Equal(new Said("Almaty"), SiteTime.Label("Asia/Almaty").Args.Single());
    }

    [Fact]
    public void A_time_shown_is_formatted_in_the_culture_it_is_said_in()
    {
        var moment = new DateTime(2026, 1, 15, 16, 4, 0, DateTimeKind.Utc);
        var shown = (ClockTime)SiteTime.Show(moment, "Europe/Kyiv").Args[0]!;
        Assert.Equal("15 янв. 18:04", string.Format(new System.Globalization.CultureInfo("ru"), "{0}", shown));
        Assert.Equal("15 Jan 18:04", shown.ToString());
    }

    [Fact]
    public void A_counselling_clash_is_told_on_the_sites_clock_not_in_UTC()
    {
        var booked = new CounsellingSession
        {
            Id = 1, ChildId = 7, CounsellorUserId = "olena", Room = "Play room",
            StartsAt = new DateTime(2026, 1, 15, 5, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(2026, 1, 15, 5, 50, 0, DateTimeKind.Utc)
        };
        var proposed = new CounsellingSession
        {
            ChildId = 8, CounsellorUserId = "olena", Room = "Office",
            StartsAt = booked.StartsAt.AddMinutes(20), EndsAt = booked.EndsAt.AddMinutes(20)
        };

        var clash = SessionClash.Find(proposed, [booked], "Asia/Almaty");
        Assert.Equal("The counsellor already has a session 10:00–10:50 (Almaty time) on 15 Jan.", clash?.ToString());
        Assert.DoesNotContain("UTC", SessionClash.Find(proposed, [booked], "Europe/Kyiv")?.ToString());
    }
}

public class SiteTimeDaylightSavingTests
{
    private static readonly WorkingHours Kyiv = WorkingHours.Default("Europe/Kyiv");

    [Fact]
    public void Across_the_spring_clock_change_due_times_and_reminders_stay_on_the_local_clock()
    {
        // Kyiv moves from UTC+2 to UTC+3 at 03:00 on Sunday 29 March 2026.
        Assert.Equal(new DateTime(2026, 3, 27, 15, 0, 0, DateTimeKind.Utc), Kyiv.DueAt(new DateOnly(2026, 3, 27))); // Friday 17:00, UTC+2
        Assert.Equal(new DateTime(2026, 3, 30, 14, 0, 0, DateTimeKind.Utc), Kyiv.DueAt(new DateOnly(2026, 3, 30))); // Monday 17:00, UTC+3
        // Monday's work is reminded on Friday at 09:00, before the change; Friday's overdue work escalates Monday 09:00, after it.
        Assert.Equal(new DateTime(2026, 3, 27, 7, 0, 0, DateTimeKind.Utc), Kyiv.ReminderFor(Kyiv.DueAt(new DateOnly(2026, 3, 30))));
        Assert.Equal(new DateTime(2026, 3, 30, 6, 0, 0, DateTimeKind.Utc),
            Kyiv.StartOfNextWorkingDay(Kyiv.DueAt(new DateOnly(2026, 3, 27))));
    }

    [Fact]
    public void A_wall_clock_time_the_change_skips_counts_as_the_moment_after_it()
    {
        // 03:30 on 29 March 2026 does not exist in Kyiv.
        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc),
            SiteTime.AtLocalUtc("Europe/Kyiv", new DateOnly(2026, 3, 29), new TimeOnly(3, 30)));
    }
}
