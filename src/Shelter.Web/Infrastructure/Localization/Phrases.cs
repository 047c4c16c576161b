using System.Globalization;
using Microsoft.Extensions.Localization;
using Shelter.Core;

namespace Shelter.Web.Infrastructure.Localization;

/// <summary>Puts a <see cref="Phrase"/> from Shelter.Core in the reader's language, its dates and numbers in her culture.</summary>
public static class Phrases
{
    public static string Say(this IStringLocalizer L, Phrase phrase) => phrase.Format(CultureInfo.CurrentCulture, p => L[p.Key].Value);
}
