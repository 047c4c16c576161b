using System.Globalization;

namespace Shelter.Core.Text;

/// <summary>
/// A sentence a rule gives a worker, for a rule that has no localizer: the English resource key with
/// {0}-style placeholders and the values that fill them. The web side puts it in the reader's language
/// (a value that is itself a <see cref="Said"/> too); <see cref="ToString"/> is the English sentence.
/// </summary>
public sealed record Said(string Key, params object?[] Args)
{
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, Key, Args.Select(a => a is Said said ? said.ToString() : a).ToArray());

    /// <summary>Sentences said one after the other, each in the reader's language.</summary>
    public static Said Join(params IEnumerable<Said?> parts)
    {
        var said = parts.OfType<Said>().ToList();
        return new Said(string.Join(" ", said.Select((_, i) => $"{{{i}}}")), [.. said]);
    }
}

/// <summary>Puts a <see cref="Said"/> in the reader's language; the web app provides it (validation attributes ask for it).</summary>
public interface ISayer
{
    string Say(Said said);
}
