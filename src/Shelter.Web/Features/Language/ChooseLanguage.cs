using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Shelter.Core.Accounts;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Localization;

namespace Shelter.Web.Features.Language;

/// <summary>
/// Her choice of language: kept in the standard culture cookie for this browser and, once she is
/// signed in, on her account, so it follows her to the next shift's computer or her phone.
/// </summary>
public sealed class ChooseLanguage(UserManager<ShelterUser> users, SignInManager<ShelterUser> signIn)
{
    /// <summary>A language Shelter does not speak is not there: the controller answers 400, as for any malformed choice.</summary>
    public async Task<Outcome> HandleAsync(string? language, ClaimsPrincipal who, HttpResponse response, bool https)
    {
        if (!Languages.IsSupported(language)) return Outcome.NotFound;
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language!)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, Secure = https,
                SameSite = SameSiteMode.Lax, IsEssential = true
            });
        if (who.Identity?.IsAuthenticated == true && await users.GetUserAsync(who) is { } user && user.Language != language)
        {
            user.Language = language;
            await users.UpdateAsync(user);
            // Her language travels in the session cookie as a claim, which is otherwise re-read only
            // when her security stamp changes: issue the cookie again so the next page follows her choice.
            await signIn.RefreshSignInAsync(user);
        }
        return Outcome.Done;
    }
}
