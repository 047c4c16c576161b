using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Shelter.Web.Infrastructure.Localization;

/// <summary>
/// The languages Shelter speaks. Adding one (Georgian, Kazakh) is a line here and a
/// Resources/SharedResource.{code}.resx beside the others.
/// </summary>
public static class Languages
{
    public const string Default = "en";

    /// <summary>Code and the name a speaker of it looks for in the switch.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Supported =
    [
        ("en", "English"),
        ("ru", "Русский"),
        ("uk", "Українська"),
    ];

    /// <summary>The account's saved choice, carried in the sign-in cookie (rebuilt from the account on every request).</summary>
    public const string Claim = "shelter:language";

    public static bool IsSupported(string? code) => code is not null && Supported.Any(l => l.Code == code);

    /// <summary>The account's choice, then the <c>.AspNetCore.Culture</c> cookie, then the browser's Accept-Language.</summary>
    public static void Configure(RequestLocalizationOptions o)
    {
        var codes = Supported.Select(l => l.Code).ToArray();
        o.SetDefaultCulture(Default).AddSupportedCultures(codes).AddSupportedUICultures(codes);
        o.RequestCultureProviders =
        [
            new CustomRequestCultureProvider(ctx =>
                Task.FromResult(ctx.User.FindFirst(Claim)?.Value is { } code && IsSupported(code)
                    ? new ProviderCultureResult(code) : null)),
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
    }

    /// <summary>Speaks the given language until disposed: an email is written in its recipient's language, not the sender's.</summary>
    public static IDisposable Speak(string? code) => new Scope(IsSupported(code) ? code! : Default);

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

        public Scope(string code)
        {
            var culture = CultureInfo.GetCultureInfo(code);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
