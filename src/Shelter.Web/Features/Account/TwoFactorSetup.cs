using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using Shelter.Core.Accounts;
using Shelter.Core.Audit;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Features.Account;

public sealed class EnableTwoFactorForm
{
    [Required(ErrorMessage = "Enter the six-digit code your authenticator app shows.")]
    [StringLength(20, ErrorMessage = "Keep the code under {1} characters.")]
    public string Code { get; set; } = "";
}

/// <summary>What her two-factor page shows: the key to scan while it is off, the codes left while it is on.</summary>
public sealed record TwoFactorPage(string Email, bool Enabled, bool Required, string? Key, string? QrCode, int RecoveryCodesLeft);

/// <summary>
/// Her own second factor: scan the key into an authenticator app and prove it with a code, get
/// ten recovery codes shown once, replace them, or (unless her role requires it) turn it off.
/// Each change renews the sign-in cookie, so her other sessions end.
/// </summary>
public sealed class TwoFactorSetup(UserManager<ShelterUser> users, SignInManager<ShelterUser> signIn, AuditLog audit)
{
    public const int RecoveryCodeCount = 10;

    public async Task<TwoFactorPage?> PageAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return null;
        var required = TwoFactorCodes.IsRequiredFor(principal);
        if (user.TwoFactorEnabled)
            return new TwoFactorPage(user.Email ?? "", true, required, null, null, await users.CountRecoveryCodesAsync(user));
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await signIn.RefreshSignInAsync(user); // a new key renews the security stamp
        }
        var png = PngByteQRCodeHelper.GetQRCode(TwoFactorCodes.AppAddress(user.Email ?? "", key), QRCodeGenerator.ECCLevel.M, 6);
        return new TwoFactorPage(user.Email ?? "", false, required, TwoFactorCodes.Grouped(key),
            "data:image/png;base64," + Convert.ToBase64String(png), 0);
    }

    /// <summary>Turns it on when the code proves the app has the key; the recovery codes, or an error.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> EnableAsync(ClaimsPrincipal principal, EnableTwoFactorForm form)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return Refused("Your account could not be found. Sign in again.");
        if (user.TwoFactorEnabled) return Refused("Two-factor sign-in is already on.");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider,
            TwoFactorCodes.Normalise(form.Code)))
            return Refused("That code does not match. Check the phone's time is set automatically and try the next code.");
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        audit.Record(AuditActions.Changed, "Account", user.Id);
        await signIn.RefreshSignInAsync(user);
        return Outcome.Made<IReadOnlyList<string>>(codes);
    }

    private static Outcome<IReadOnlyList<string>> Refused(string why) => Outcome.Refused<IReadOnlyList<string>>(why);

    /// <summary>Ten new recovery codes in place of the old; not found while two-factor sign-in is off.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> NewRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || !user.TwoFactorEnabled) return Outcome.NotFoundOf<IReadOnlyList<string>>();
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        audit.Record(AuditActions.Changed, "Account", user.Id);
        return Outcome.Made<IReadOnlyList<string>>(codes);
    }

    public async Task<Outcome> DisableAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return Outcome.Refused("Your account could not be found. Sign in again.");
        if (TwoFactorCodes.IsRequiredFor(principal)) return Outcome.Refused("Managers and administrators must keep two-factor sign-in on.");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user); // a later setup starts from a new key
        audit.Record(AuditActions.Changed, "Account", user.Id);
        await signIn.RefreshSignInAsync(user);
        return Outcome.Done;
    }
}
