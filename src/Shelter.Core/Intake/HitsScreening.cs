using Shelter.Core.Text;

namespace Shelter.Core.Intake;

/// <summary>
/// The HITS screening for intimate-partner violence: how often he Hurt, Insulted, Threatened
/// and Screamed at her, each from 1 (never) to 5 (frequently). A total above 10 is positive.
/// </summary>
public sealed record HitsScreening
{
    public const int Min = 1, Max = 5, PositiveAbove = 10;

    public int Hurt { get; }
    public int Insult { get; }
    public int Threaten { get; }
    public int Scream { get; }

    private HitsScreening(int hurt, int insult, int threaten, int scream) => (Hurt, Insult, Threaten, Scream) =
        (hurt, insult, threaten, scream);

    public int Total => Hurt + Insult + Threaten + Scream;
    public bool IsPositive => Total > PositiveAbove;

    /// <summary>What the total means, for the reader's language.</summary>
    public Said Says => IsPositive
        ? new Said("{0} of 20: positive. She is at risk of violence; "
            + "prefer a safe room or a confidential address and check her safety plan.", Total)
        : new Said("{0} of 20: negative. Below the threshold of 11; listen to what she says all the same.", Total);

    /// <summary>What the total means, in English.</summary>
    public string Meaning => Says.ToString();

    /// <summary>A screening, or the reason the answers are not one (an item outside 1–5), in English.</summary>
    public static (HitsScreening? Screening, string? Error) Create(int hurt, int insult, int threaten, int scream)
    {
        var (screening, problem) = Screen(hurt, insult, threaten, scream);
        return (screening, problem?.ToString());
    }

    /// <summary>A screening, or the reason the answers are not one (an item outside 1–5), for the reader's language.</summary>
    public static (HitsScreening? Screening, Said? Problem) Screen(int hurt, int insult, int threaten, int scream)
    {
        foreach (var (name, value) in new[] { ("Hurt", hurt), ("Insult", insult), ("Threaten", threaten), ("Scream", scream) })
        {
            if (value is < Min or > Max)
                return (null,
                    new Said("{0} must be scored from {1} (never) to {2} (frequently); {3} is outside that.", new Said(name),
                        Min, Max, value));
        }
        return (new HitsScreening(hurt, insult, threaten, scream), null);
    }
}
