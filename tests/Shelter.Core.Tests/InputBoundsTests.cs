using Shelter.Core.Medication;
using Shelter.Core.Validation;

namespace Shelter.Core.Tests;

public class InputBoundsTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("9999-12-31", false)]
    [InlineData("0202-03-01", false)]
    [InlineData("2028-11-24", true)]
    [InlineData("2028-11-25", false)]
    [InlineData("2021-11-24", true)]
    [InlineData("2021-11-23", false)]
    public void A_case_work_day_is_five_years_back_to_two_ahead(string day, bool fine)
    {
        var error = InputBounds.Check(DateOnly.Parse(day), InputBounds.CaseWorkDays(Today), "The due date");
        Assert.Equal(fine, error is null);
        if (!fine) Assert.Equal("The due date must be between 24 Nov 2021 and 24 Nov 2028.", error);
    }

    [Fact]
    public void A_report_period_is_clamped_to_what_can_exist()
    {
        var (from, to) = InputBounds.ReportPeriod(DateOnly.MinValue, DateOnly.MaxValue, Today);
        Assert.Equal(new DateOnly(2000, 1, 1), from);
        Assert.Equal(new DateOnly(2027, 11, 24), to);
    }

    [Fact]
    public void Adding_days_at_the_edge_of_the_calendar_saturates_instead_of_throwing()
    {
        Assert.Equal(DateOnly.MaxValue, DateOnly.MaxValue.AddDaysSaturating(30));
        Assert.Equal(DateOnly.MinValue, DateOnly.MinValue.AddDaysSaturating(-1));
        Assert.Equal(Today.AddDays(3), Today.AddDaysSaturating(3));
    }

    [Fact]
    public void A_stored_supply_counted_in_year_9999_is_checked_without_failing()
    {
        var programme = new MedicationProgramme
        {
            Kind = MedicationKind.Ost, Schedule = DispensingSchedule.TakeHome,
            SupplyAsOf = new DateOnly(9999, 12, 1), SupplyDays = 180, NextPickupOn = DateOnly.MaxValue
        };
        var result = ContinuityCheck.Check(programme, Today, []);
        Assert.Equal(ContinuityStatus.Covered, result.Status);
    }

    [Fact]
    public void Today_anywhere_spans_the_days_of_every_clock_on_Earth()
    {
        // 22:30 UTC on the 24th: already the 25th in Kyiv (UTC+2) and Almaty, still the 24th in New York.
        var (earliest, latest) = InputBounds.TodayAnywhere(new DateTime(2026, 11, 24, 22, 30, 0, DateTimeKind.Utc));
        Assert.Equal(new DateOnly(2026, 11, 24), earliest);
        Assert.Equal(new DateOnly(2026, 11, 25), latest);
        // 11:00 UTC: the 24th everywhere except Kiritimati (UTC+14) and Baker Island (UTC-12).
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 25)),
            InputBounds.TodayAnywhere(new DateTime(2026, 11, 24, 11, 0, 0, DateTimeKind.Utc)));
    }
}
