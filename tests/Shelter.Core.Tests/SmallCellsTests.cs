using Shelter.Core.Reports;

namespace Shelter.Core.Tests;

public class SmallCellsTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(1234, "1234")]
    public void Counts_from_one_to_four_are_suppressed(long count, string shown) => Assert.Equal(shown, SmallCells.Show(count));

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
