using Shelter.Core.Reports;

namespace Shelter.Core.Tests;

/// <summary>One rule for every figure about the women: counts of 1–4 and anything computed over fewer than five are hidden.</summary>
public class SuppressionTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(1234, "1234")]
    public void Counts_from_one_to_four_are_suppressed(long count, string shown) => Assert.Equal(shown, SmallCells.Count(count));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void A_mean_median_percentile_or_length_of_stay_over_fewer_than_five_women_is_withheld(long women) =>
        Assert.Equal("—", SmallCells.Statistic(12.34, women));

    [Fact]
    public void Over_five_women_or_more_the_figure_is_shown_in_the_given_format()
    {
        Assert.Equal("12.3", SmallCells.Statistic(12.34, 5));
        Assert.Equal("12", SmallCells.Statistic(12.34, 50, "0"));
        Assert.Equal("—", SmallCells.Statistic(null, 50));
    }

    [Fact]
    public void The_length_of_stay_of_the_one_woman_who_left_cannot_be_read_from_any_statistic()
    {
        double[] days = [17.5];

        Assert.All(new[] { Percentile.Of(days, 0.5), days.Average(), Percentile.Of(days, 0.9) },
            v => Assert.Equal(SmallCells.Withheld, SmallCells.Statistic(v, days.Length)));
    }

    [Fact]
    public void Occupancy_has_one_definition_out_of_service_beds_are_not_available()
    {
        Assert.Equal(50.0, OccupancyRate.Percent(occupied: 4, bedsInService: 8));
        Assert.Null(OccupancyRate.Percent(0, 0));
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        double[] days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(5, Percentile.Of(days, 0.5));
        Assert.Equal(9, Percentile.Of(days, 0.9));
        Assert.Equal(10, Percentile.Of(days, 1.0));
        Assert.Null(Percentile.Of([], 0.5));
    }
}
