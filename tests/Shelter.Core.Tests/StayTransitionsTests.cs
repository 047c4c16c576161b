using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;

namespace Shelter.Core.Tests;

/// <summary>A stay and a hold change only through their transitions, which keep their invariants.</summary>
public class StayTransitionsTests
{
    private static readonly DateTime Arrived = new(2026, 3, 1, 18, 0, 0, DateTimeKind.Utc);

    private static Stay Hers() => Stay.CheckIn(new Resident { Alias = "M." }, null, bedId: 7, Arrived, Arrived.AddDays(90), "find a job");

    [Fact]
    public void Check_in_starts_an_active_stay_in_the_bed_with_its_terms()
    {
        var stay = Hers();
        Assert.True(stay.IsActive);
        Assert.Equal((7, Arrived, Arrived, Arrived.AddDays(90), "find a job"),
            (stay.BedId, stay.AdmittedAt, stay.StartedAt, stay.PlannedEndAt, stay.Conditions));
    }

    [Fact]
    public void A_move_ends_the_old_stay_within_the_network_and_keeps_her_arrival_and_conditions()
    {
        var old = Hers();
        var movedAt = Arrived.AddDays(10);
        var next = old.MoveTo(9, movedAt, Arrived.AddDays(90));

        Assert.Equal((movedAt, ExitReason.MovedWithinNetwork, ExitDestination.WithinThisNetwork),
            (old.EndedAt, old.ExitReason, old.ExitDestination));
        Assert.Equal((9, Arrived, movedAt, "find a job", old.Id),
            (next.BedId, next.AdmittedAt, next.StartedAt, next.Conditions, next.MovedFromStayId));
        Assert.True(next.IsActive);
    }

    [Fact]
    public void A_stay_that_ended_cannot_end_again_or_move_or_change_terms()
    {
        var stay = Hers();
        stay.CheckOut(ExitReason.HerChoice, ExitDestination.FamilyOrFriends, Arrived.AddDays(3));

        Assert.Throws<InvalidOperationException>(() =>
            stay.CheckOut(ExitReason.PlannedEnd, ExitDestination.OwnHousing, Arrived.AddDays(4)));
        Assert.Throws<InvalidOperationException>(() => stay.MoveTo(9, Arrived.AddDays(4), Arrived.AddDays(90)));
        Assert.Throws<InvalidOperationException>(() => stay.ChangeTerms(Arrived.AddDays(120), null));
        Assert.Equal((Arrived.AddDays(3), ExitReason.HerChoice), (stay.EndedAt, stay.ExitReason));
    }

    [Fact]
    public void A_check_out_is_never_a_move()
    {
        Assert.Throws<ArgumentException>(() => Hers()
            .CheckOut(ExitReason.MovedWithinNetwork, ExitDestination.WithinThisNetwork, Arrived.AddDays(1)));
    }

    [Fact]
    public void Terms_change_the_end_and_conditions_but_never_before_the_start()
    {
        var stay = Hers();
        stay.ChangeTerms(Arrived.AddDays(120), null);
        Assert.Equal((Arrived.AddDays(120), (string?)null), (stay.PlannedEndAt, stay.Conditions));
        Assert.Throws<ArgumentException>(() => stay.ChangeTerms(Arrived.AddDays(-1), null));
    }

    [Fact]
    public void A_hold_is_released_once_whichever_way_it_ends()
    {
        var hold = BedHold.Take(3, ArrivalRoute.Police, Arrived, TimeSpan.FromHours(4));
        Assert.Equal(Arrived.AddHours(4), hold.HeldUntil);

        Assert.False(hold.ExpireIfDue(Arrived.AddHours(3)));
        Assert.True(hold.IsOpen);
        Assert.True(hold.ExpireIfDue(Arrived.AddHours(4)));
        Assert.Equal((Arrived.AddHours(4), HoldRelease.Expired), (hold.ReleasedAt, hold.Release));

        Assert.False(hold.ExpireIfDue(Arrived.AddHours(5)));
        Assert.Throws<InvalidOperationException>(() => hold.ReleaseOnArrival(Arrived.AddHours(5)));
        Assert.Throws<InvalidOperationException>(() => hold.Cancel(Arrived.AddHours(5)));
        Assert.Equal(HoldRelease.Expired, hold.Release);
    }

    [Fact]
    public void A_hold_has_a_length()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BedHold.Take(3, ArrivalRoute.Police, Arrived, TimeSpan.Zero));
    }
}
