using Shelter.Core.Residents;

namespace Shelter.Core.Tests;

public class ChildTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(364, 10)]
    [InlineData(365, 11)]
    [InlineData(800, 12)]
    public void A_child_grows_older_during_a_long_stay(int daysLater, int expectedAge)
    {
        var child = new Child { Alias = "R.", AgeAtArrival = 10, ArrivedOn = new DateOnly(2026, 1, 10) };

        Assert.Equal(expectedAge, child.AgeOn(new DateOnly(2026, 1, 10).AddDays(daysLater)));
    }
}
