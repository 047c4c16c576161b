using Shelter.Core.Intake;

namespace Shelter.Core.Tests.Intake;

public class HitsScreeningTests
{
    [Theory]
    [InlineData(1, 1, 1, 1, 4, false)]
    [InlineData(3, 3, 2, 2, 10, false)]
    [InlineData(3, 3, 3, 2, 11, true)]
    [InlineData(5, 5, 5, 5, 20, true)]
    public void The_total_above_ten_is_positive(int hurt, int insult, int threaten, int scream, int total, bool positive)
    {
        var (screening, error) = HitsScreening.Create(hurt, insult, threaten, scream);

        Assert.Null(error);
        Assert.Equal(total, screening!.Total);
        Assert.Equal(positive, screening.IsPositive);
        Assert.StartsWith($"{total} of 20: {(positive ? "positive" : "negative")}", screening.Meaning);
    }

    [Theory]
    [InlineData(0, 1, 1, 1, "Hurt")]
    [InlineData(1, 6, 1, 1, "Insult")]
    [InlineData(1, 1, -2, 1, "Threaten")]
    [InlineData(1, 1, 1, 9, "Scream")]
    public void An_item_outside_one_to_five_is_rejected_with_a_clear_message(int hurt, int insult, int threaten, int scream, string item)
    {
        var (screening, error) = HitsScreening.Create(hurt, insult, threaten, scream);

        Assert.Null(screening);
        Assert.StartsWith($"{item} must be scored from 1 (never) to 5 (frequently)", error);
    }
}
