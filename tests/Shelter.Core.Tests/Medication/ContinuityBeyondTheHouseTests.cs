using Shelter.Core.Medication;

namespace Shelter.Core.Tests.Medication;

/// <summary>Continuity looks ahead: a closure next week, a closed weekend day or the end of her stay is a risk today, with the day it
/// bites.</summary>
public class ContinuityBeyondTheHouseTests
{
    private static readonly DateOnly Today = new(2026, 3, 11); // a Wednesday
    private static readonly IReadOnlySet<DayOfWeek> Weekdays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday,
        DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

    private static MedicationProgramme Daily() => new()
    {
        Kind = MedicationKind.Ost, Schedule = DispensingSchedule.SupervisedDaily, LastDispensedOn = Today.AddDays(-1), NextPickupOn = Today,
    };

    private static MedicationProgramme TakeHome(int daysFromToday, DateOnly? nextPickup)
    {
        var p = new MedicationProgramme { Kind = MedicationKind.Art, Schedule = DispensingSchedule.TakeHome, NextPickupOn = nextPickup };
        p.SupplyLastsUntil(Today.AddDays(-5), Today.AddDays(daysFromToday));
        return p;
    }

    private static DispensingSiteClosure Closure(DateOnly from, DateOnly? to, ClosureReason reason = ClosureReason.Lockdown) =>
        new() { From = from, To = to, Reason = reason };

    [Fact]
    public void A_closure_recorded_for_next_week_makes_a_daily_dosing_woman_at_risk_today_with_the_day_it_bites()
    {
        var nextWeek = Closure(Today.AddDays(5), Today.AddDays(9));

        var result = ContinuityCheck.Check(Daily(), Today, [nextWeek], new ContinuityOutlook());

        Assert.Equal(ContinuityStatus.AtRisk, result.Status);
        Assert.Equal(Today.AddDays(5), result.BitesOn);
        Assert.Contains("Mon 16 Mar", result.Why);
    }

    [Fact]
    public void A_closure_beyond_the_look_ahead_leaves_her_covered_for_now()
    {
        var later = Closure(Today.AddDays(20), null);

        Assert.Equal(ContinuityStatus.Covered,
            ContinuityCheck.Check(Daily(), Today, [later], new ContinuityOutlook(LookAheadDays: 7)).Status);
    }

    [Fact]
    public void A_site_closed_at_weekends_puts_a_daily_dosing_woman_at_risk_on_thursday_for_saturday()
    {
        var thursday = Today.AddDays(1);
        var daily = Daily();
        daily.LastDispensedOn = Today;
        daily.NextPickupOn = thursday;

        var wednesday = ContinuityCheck.Check(daily, Today, [], new ContinuityOutlook(OpenDays: Weekdays));
        var onThursday = ContinuityCheck.Check(daily, thursday, [], new ContinuityOutlook(OpenDays: Weekdays));

        Assert.Equal(ContinuityStatus.Covered, wednesday.Status);
        Assert.Equal(ContinuityStatus.AtRisk, onThursday.Status);
        Assert.Equal(new DateOnly(2026, 3, 14), onThursday.BitesOn);
        Assert.Contains("does not open that day of the week", onThursday.Why);
    }

    [Fact]
    public void A_take_home_pick_up_that_falls_on_a_holiday_is_at_risk_now()
    {
        var pickup = Today.AddDays(6);
        var holiday = Closure(pickup, pickup, ClosureReason.Holiday);

        var result = ContinuityCheck.Check(TakeHome(8, pickup), Today, [holiday], new ContinuityOutlook());

        Assert.Equal(ContinuityStatus.AtRisk, result.Status);
        Assert.Equal(pickup, result.BitesOn);
        Assert.Contains("a holiday", result.Why);
    }

    [Fact]
    public void A_take_home_pick_up_on_a_sunday_at_a_weekday_site_is_at_risk_now()
    {
        var sunday = new DateOnly(2026, 3, 15);

        var result = ContinuityCheck.Check(TakeHome(6, sunday), Today, [], new ContinuityOutlook(OpenDays: Weekdays));

        Assert.Equal(ContinuityStatus.AtRisk, result.Status);
        Assert.Equal(sunday, result.BitesOn);
    }

    [Fact]
    public void Her_stay_ending_before_her_next_pick_up_is_at_risk_with_the_day_she_leaves()
    {
        var leaves = Today.AddDays(4);

        var result = ContinuityCheck.Check(TakeHome(10, Today.AddDays(9)), Today, [], new ContinuityOutlook(StayEndsOn: leaves));

        Assert.Equal(ContinuityStatus.AtRisk, result.Status);
        Assert.Equal(leaves, result.BitesOn);
    }

    [Fact]
    public void With_the_site_open_her_stay_long_and_the_pick_up_before_her_supply_ends_she_is_covered()
    {
        var result = ContinuityCheck.Check(TakeHome(10, Today.AddDays(9)), Today, [],
            new ContinuityOutlook(OpenDays: Weekdays, StayEndsOn: Today.AddDays(60)));

        Assert.Equal(ContinuityStatus.Covered, result.Status);
    }
}
