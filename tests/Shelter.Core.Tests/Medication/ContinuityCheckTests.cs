using Shelter.Core.Medication;
using Shelter.Core.Sites;

namespace Shelter.Core.Tests.Medication;

public class ContinuityCheckTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static MedicationProgramme TakeHome(int daysFromToday, DateOnly? nextPickup = null)
    {
        var p = new MedicationProgramme { Kind = MedicationKind.Art, Schedule = DispensingSchedule.TakeHome, NextPickupOn = nextPickup };
        p.SupplyLastsUntil(Today.AddDays(-5), Today.AddDays(daysFromToday));
        return p;
    }

    private static ContinuityResult Check(MedicationProgramme p, params DispensingSiteClosure[] closures) =>
        ContinuityCheck.Check(p, Today, closures);

    [Theory]
    [InlineData(0, "Her supply ends today.")]
    [InlineData(1, "Her supply ends tomorrow.")]
    [InlineData(2, "Her supply ends in 2 days.")]
    public void Supply_ending_within_two_days_is_at_risk_even_with_a_pick_up_arranged(int daysLeft, string why)
    {
        var result = Check(TakeHome(daysLeft, nextPickup: Today.AddDays(daysLeft)));

        Assert.Equal(ContinuityStatus.AtRisk, result.Status);
        Assert.Equal(why, result.Why);
    }

    [Fact]
    public void Supply_for_three_more_days_with_the_next_pick_up_arranged_is_covered()
    {
        Assert.Equal(ContinuityStatus.Covered, Check(TakeHome(3, nextPickup: Today.AddDays(3))).Status);
    }

    [Fact]
    public void Supply_that_ended_yesterday_without_a_dispensing_is_broken()
    {
        var result = Check(TakeHome(-1, nextPickup: Today.AddDays(-1)));

        Assert.Equal(ContinuityStatus.Broken, result.Status);
        Assert.Contains("no dispensing has been recorded since", result.Why);
    }

    [Fact]
    public void Plenty_of_supply_but_no_next_pick_up_arranged_is_at_risk()
    {
        var result = Check(TakeHome(20, nextPickup: null));

        Assert.Equal(ContinuityStatus.AtRisk, result.Status);
        Assert.Equal("Her next pick-up is not arranged.", result.Why);
    }

    [Fact]
    public void A_next_pick_up_after_the_supply_runs_out_is_at_risk()
    {
        Assert.Equal(ContinuityStatus.AtRisk, Check(TakeHome(5, nextPickup: Today.AddDays(9))).Status);
    }

    [Fact]
    public void Unknown_supply_is_at_risk()
    {
        Assert.Equal(ContinuityStatus.AtRisk, Check(new MedicationProgramme { Kind = MedicationKind.Ost }).Status);
    }

    [Fact]
    public void A_closure_of_her_site_on_the_day_of_her_next_pick_up_puts_her_at_risk()
    {
        var closure = new DispensingSiteClosure { From = Today.AddDays(4), To = Today.AddDays(10), Reason = ClosureReason.ArmedConflict };

        var result = Check(TakeHome(5, nextPickup: Today.AddDays(5)), closure);

        Assert.Equal(ContinuityStatus.AtRisk, result.Status);
        Assert.Contains("closed", result.Why);
    }

    [Fact]
    public void Supervised_daily_dosing_with_todays_dose_and_tomorrow_arranged_is_covered()
    {
        var p = new MedicationProgramme
        {
            Kind = MedicationKind.Ost, Schedule = DispensingSchedule.SupervisedDaily,
            LastDispensedOn = Today, NextPickupOn = Today.AddDays(1)
        };

        Assert.Equal(ContinuityStatus.Covered, Check(p).Status);
    }

    [Fact]
    public void Supervised_daily_dosing_with_a_missed_day_is_broken_and_a_site_closing_tomorrow_is_at_risk()
    {
        var missed = new MedicationProgramme
        {
            Kind = MedicationKind.Ost, Schedule = DispensingSchedule.SupervisedDaily,
            LastDispensedOn = Today.AddDays(-2), NextPickupOn = Today
        };
        var closing = new MedicationProgramme
        {
            Kind = MedicationKind.Ost, Schedule = DispensingSchedule.SupervisedDaily,
            LastDispensedOn = Today, NextPickupOn = Today.AddDays(1)
        };

        Assert.Equal(ContinuityStatus.Broken, Check(missed).Status);
        Assert.Equal(ContinuityStatus.AtRisk,
            Check(closing, new DispensingSiteClosure { From = Today.AddDays(1), Reason = ClosureReason.Lockdown }).Status);
    }

    [Fact]
    public void At_the_time_zone_edge_the_site_day_decides_22_30_UTC_is_already_tomorrow_in_Kyiv()
    {
        var p = new MedicationProgramme
        {
            Kind = MedicationKind.Ost, Schedule = DispensingSchedule.TakeHome,
            NextPickupOn = new DateOnly(2026, 3, 1)
        };
        p.SupplyLastsUntil(new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 1));
        var lateEvening = new DateTime(2026, 3, 1, 22, 30, 0, DateTimeKind.Utc);

        var inKyiv = ContinuityCheck.Check(p, SiteTime.Today("Europe/Kyiv", lateEvening), []);
        var inLondon = ContinuityCheck.Check(p, SiteTime.Today("Europe/London", lateEvening), []);

        Assert.Equal(ContinuityStatus.Broken, inKyiv.Status);
        Assert.Equal(ContinuityStatus.AtRisk, inLondon.Status);
        Assert.Equal("Her supply ends today.", inLondon.Why);
    }
}
