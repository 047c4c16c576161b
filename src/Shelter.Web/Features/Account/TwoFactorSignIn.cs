using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Shelter.Core.Accounts;
using Shelter.Core.Audit;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Features.Account;

public sealed class TwoFactorForm
{
    [Required(ErrorMessage = "Enter the code from your authenticator app, or a recovery code.")]
    [StringLength(40, ErrorMessage = "Keep the code under {1} characters.")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

/// <summary>
/// The second step of signing in: six digits from her authenticator app, or one of her recovery
/// codes when the phone is lost. Wrong codes count towards the same lockout as wrong passwords.
/// </summary>
public sealed class TwoFactorSignIn(SignInManager<ShelterUser> signIn, AuditLog audit)
{
    public const string RefusedMessage = "That code is not right, was already used, or the account is locked.";

    /// <summary>Whether a password was just accepted and a code is awaited (the cookie lasts five minutes).</summary>
    public async Task<bool> IsAwaitingCodeAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<Outcome<SignInStep>> HandleAsync(TwoFactorForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Outcome.Refused<SignInStep>(RefusedMessage);
        var code = TwoFactorCodes.Normalise(form.Code);
        var fromApp = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = fromApp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (!result.Succeeded)
        {
            // Identity counts a wrong app code towards the lockout itself; a wrong recovery code counts here.
            if (!fromApp && !result.IsLockedOut) await signIn.UserManager.AccessFailedAsync(user);
            await audit.SignInEventAsync(AuditActions.SignInFailed, user.Id);
            return Outcome.Refused<SignInStep>(RefusedMessage);
        }
        await audit.SignInEventAsync(AuditActions.SignedIn, user.Id);
        return Outcome.Made(user.MustChangePassword ? SignInStep.MustChangePassword : SignInStep.SignedIn);
    }
}
