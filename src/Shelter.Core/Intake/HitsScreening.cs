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

    private HitsScreening(int hurt, int insult, int threaten, int scream) => (Hurt, Insult, Threaten, Scream) = (hurt, insult, threaten, scream);

    public int Total => Hurt + Insult + Threaten + Scream;
    public bool IsPositive => Total > PositiveAbove;

    public string Meaning => IsPositive
        ? $"{Total} of 20: positive. She is at risk of violence; prefer a safe room or a confidential address and check her safety plan."
        : $"{Total} of 20: negative. Below the threshold of 11; listen to what she says all the same.";

    /// <summary>A screening, or the reason the answers are not one (an item outside 1–5).</summary>
    public static (HitsScreening? Screening, string? Error) Create(int hurt, int insult, int threaten, int scream)
    {
        foreach (var (name, value) in new[] { ("Hurt", hurt), ("Insult", insult), ("Threaten", threaten), ("Scream", scream) })
        {
            if (value is < Min or > Max)
                return (null, $"{name} must be scored from {Min} (never) to {Max} (frequently); {value} is outside that.");
        }
        return (new HitsScreening(hurt, insult, threaten, scream), null);
    }
}
