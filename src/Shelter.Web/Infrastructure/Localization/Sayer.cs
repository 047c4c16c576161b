using Microsoft.Extensions.Localization;
using Shelter.Core.Text;

namespace Shelter.Web.Infrastructure.Localization;

/// <summary>Puts what a rule in Shelter.Core said (an English key and its values) in the reader's language.</summary>
public sealed class Sayer(IStringLocalizer<SharedResource> L) : ISayer
{
    public string Say(Said said) => L.Say(said);
}

public static class SayExtensions
{
    /// <summary>The sentence in the reader's language; values that are sentences themselves are put in it too.</summary>
    public static string Say(this IStringLocalizer L, Said said) =>
        L[said.Key, said.Args.Select(a => a is Said inner ? L.Say(inner) : a ?? "").ToArray()].Value;
}
