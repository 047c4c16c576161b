using System.Globalization;

namespace Shelter.Core;

/// <summary>
/// A sentence for a worker, said by a rule in Shelter.Core (which has no localizer): the English
/// resource key with <c>{0}</c> placeholders and the values that go in them. The web side puts it
/// in the reader's language (<c>L.Say(phrase)</c>), formatting dates for her culture; a value that
/// is itself a phrase is translated first. <see cref="ToString"/> is the English sentence.
/// </summary>
public sealed record Phrase(string Key, params object[] Args)
{
    public override string ToString() => Format(CultureInfo.InvariantCulture, p => p.Key);

    /// <summary>
    /// The sentence with its values in <paramref name="culture"/>, each key (its own and nested ones)
    /// read through <paramref name="translate"/>.
    /// </summary>
    public string Format(IFormatProvider culture, Func<Phrase, string> translate) =>
        Args.Length == 0 ? translate(this)
        : string.Format(culture, translate(this), [.. Args.Select(a => a is Phrase p ? p.Format(culture, translate) : a)]);
}
