using Shelter.Core.Medication;

namespace Shelter.Core.Tests.Medication;

/// <summary>Missed supervised doses are counted, and the programme says what the clinical rule asks next.</summary>
public class MissedDosesTests
{
    private static readonly DateOnly Today = new(2026, 3, 11);

    private static ContinuityResult Check(int daysSinceLastDose, MissedDoseRule? rule = null) =>
        ContinuityCheck.Check(new MedicationProgramme
        {
            Kind = MedicationKind.Ost, Schedule = DispensingSchedule.SupervisedDaily,
            LastDispensedOn = Today.AddDays(-daysSinceLastDose), NextPickupOn = Today,
        }, Today, [], new ContinuityOutlook(Missed: rule));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)] // yesterday's dose taken, today's still to come
    [InlineData(2, 1)]
    [InlineData(4, 3)]
    [InlineData(6, 5)]
    public void Consecutive_missed_days_are_counted_up_to_yesterday(int daysSinceLastDose, int missed) =>
        Assert.Equal(missed, Check(daysSinceLastDose).MissedDays);

    [Theory]
    [InlineData(2, NextDoseStep.UsualDose)]
    [InlineData(3, NextDoseStep.UsualDose)]
    [InlineData(4, NextDoseStep.PrescriberReviewsDose)]
    [InlineData(5, NextDoseStep.PrescriberReviewsDose)]
    [InlineData(6, NextDoseStep.NewInduction)]
    [InlineData(30, NextDoseStep.NewInduction)]
    public void After_three_missed_days_the_prescriber_reviews_the_dose_after_five_a_new_induction(int daysSinceLastDose, NextDoseStep step)
    {
        var result = Check(daysSinceLastDose);

        Assert.Equal(ContinuityStatus.Broken, result.Status);
        Assert.Equal(step, result.NextDose);
    }

    [Fact]
    public void The_numbers_are_configurable()
    {
        var stricter = new MissedDoseRule(ReviewAfterDays: 2, InductionAfterDays: 4);

        Assert.Equal(NextDoseStep.PrescriberReviewsDose, Check(3, stricter).NextDose);
        Assert.Equal(NextDoseStep.NewInduction, Check(5, stricter).NextDose);
    }

    [Fact]
    public void The_reason_says_how_many_days_and_what_happens_at_the_next_dose()
    {
        var result = Check(6);

        Assert.Contains("missed 5 days", result.Why);
        Assert.Contains("new induction", result.Why);
    }
}
