using Shelter.Core.Beds;
using Shelter.Core.Intake;
using Shelter.Core.Sites;
using Shelter.Core.Tests.Beds;

namespace Shelter.Core.Tests.Intake;

public class WaitingListRemovalTests
{
    private static readonly WaitingListTerms Terms = new(FollowUpAfterDays: 7, LapsesAfterDays: 14, AttemptsBeforeNoContact: 3);
    private static readonly DateTime Since = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_closed_list_is_housed_elsewhere_no_contact_her_choice_and_referred()
    {
        Assert.Equal([WaitingClosed.HousedElsewhere, WaitingClosed.NoContact, WaitingClosed.HerChoice, WaitingClosed.Referred],
            WaitingListRemoval.Reasons);
        Assert.NotNull(WaitingListRemoval.Refusal(WaitingClosed.Admitted, 0, Terms)); // only a check-in admits her
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void No_contact_needs_the_tries_recorded_first(int unanswered, bool allowed) =>
        Assert.Equal(allowed, WaitingListRemoval.Refusal(WaitingClosed.NoContact, unanswered, Terms) is null);

    [Fact]
    public void Her_choice_or_housed_elsewhere_needs_no_tries() =>
        Assert.Null(WaitingListRemoval.Refusal(WaitingClosed.HerChoice, 0, Terms));

    [Fact]
    public void A_place_without_contact_raises_a_follow_up_before_it_lapses_and_contact_starts_the_clock_again()
    {
        var entry = new WaitingEntry { Since = Since };

        Assert.False(WaitingListRemoval.NeedsFollowUp(entry, Since.AddDays(6), Terms));
        Assert.True(WaitingListRemoval.NeedsFollowUp(entry, Since.AddDays(7), Terms));
        Assert.False(WaitingListRemoval.Lapsed(entry, Since.AddDays(13), Terms));
        Assert.True(WaitingListRemoval.Lapsed(entry, Since.AddDays(14), Terms));
        Assert.True(WaitingListRemoval.FollowUpDue(entry, Terms) < WaitingListRemoval.LapsesAt(entry, Terms));

        entry.LastContactAt = Since.AddDays(10);
        Assert.False(WaitingListRemoval.NeedsFollowUp(entry, Since.AddDays(14), Terms));
        Assert.False(WaitingListRemoval.Lapsed(entry, Since.AddDays(14), Terms));
    }

    [Fact]
    public void A_bed_fits_notice_counts_beds_and_the_women_they_fit_not_women_twice_for_one_bed()
    {
        var oneBed = new BedNetworkBuilder().Room("Single", RoomKind.Single, 1).Build();
        HousingNeed alone = new(0, false, false);

        Assert.Equal(new BedsThatFit(1, 3), WaitingListFit.Count([alone, alone, alone], oneBed));
        Assert.Equal(new BedsThatFit(0, 0),
            WaitingListFit.Count([new HousingNeed(2, false, false)], oneBed)); // a mother of two does not fit one bed
    }
}
