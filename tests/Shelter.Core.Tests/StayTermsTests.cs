using Shelter.Core.Sites;
using Shelter.Core.Stays;

namespace Shelter.Core.Tests;

public class StayTermsTests
{
    private static readonly DateTime Start = new(2026, 3, 1, 18, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_bed_stay_ends_at_the_site_maximum_in_days()
    {
        Assert.Equal(Start.AddDays(90), StayTerms.DefaultEnd(RoomKind.Shared, Start, 90, 72));
    }

    [Fact]
    public void A_safe_room_stay_ends_at_the_site_maximum_in_hours()
    {
        Assert.Equal(Start.AddHours(72), StayTerms.DefaultEnd(RoomKind.SafeRoom, Start, 90, 72));
    }

    [Fact]
    public void The_review_is_due_a_week_before_the_end_of_a_bed_stay()
    {
        Assert.Equal(Start.AddDays(83), StayTerms.ReviewDue(RoomKind.Family, Start, Start.AddDays(90)));
    }

    [Fact]
    public void The_review_of_a_safe_room_stay_is_three_days_before_but_never_before_arrival()
    {
        Assert.Equal(Start.AddDays(7), StayTerms.ReviewDue(RoomKind.SafeRoom, Start, Start.AddDays(10)));
        Assert.Equal(Start, StayTerms.ReviewDue(RoomKind.SafeRoom, Start, Start.AddHours(72)));
    }

    [Fact]
    public void A_new_end_before_the_start_or_in_the_past_is_refused()
    {
        var now = Start.AddDays(10);
        Assert.Equal("The end must come after the stay began.", StayTerms.CheckNewEnd(Start, Start.AddDays(-1), now));
        Assert.Equal("The end must be in the future.", StayTerms.CheckNewEnd(Start, Start.AddDays(5), now));
        Assert.Null(StayTerms.CheckNewEnd(Start, Start.AddDays(120), now));
    }

    [Fact]
    public void A_site_day_is_its_local_day_across_midnight()
    {
        // 22:30 UTC on 1 March is already 2 March in Kyiv (UTC+2).
        var late = new DateTime(2026, 3, 1, 22, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2026, 3, 2), SiteTime.Today("Europe/Kyiv", late));
        Assert.Equal(new DateOnly(2026, 3, 1), SiteTime.Today("UTC", late));
    }
}
