using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Shelter.Core.Accounts;
using Shelter.Core.Audit;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Audit;

namespace Shelter.Web.Features.Account;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [StringLength(256, ErrorMessage = "Keep the email address under {1} characters.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [StringLength(256, ErrorMessage = "Keep the password under {1} characters.")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

/// <summary>Where an accepted sign-in goes next: in, to her own password first, or to her second factor.</summary>
public enum SignInStep { SignedIn, MustChangePassword, RequiresTwoFactor }

/// <summary>
/// Signs a staff member in. A wrong password, an unknown email and a locked account all
/// get the same answer, so the page never tells a stranger which emails have accounts — and
/// take the same time: an unknown email still costs one password hash, checked against a dummy.
/// </summary>
public sealed class Login(SignInManager<ShelterUser> signIn, UserManager<ShelterUser> users, AuditLog audit)
{
    public const string RefusedMessage = "That email and password do not match an account, or the account is locked.";

    private static string? _dummyHash;

    public async Task<Outcome<SignInStep>> HandleAsync(LoginForm form)
    {
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is null)
        {
            var nobody = new ShelterUser();
            _dummyHash ??= users.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(nobody, _dummyHash, form.Password);
            await audit.SignInEventAsync(AuditActions.SignInFailed, null);
            return Outcome.Refused<SignInStep>(RefusedMessage);
        }
        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return Outcome.Made(SignInStep.RequiresTwoFactor); // the password was right; the code comes next
        if (!result.Succeeded)
        {
            await audit.SignInEventAsync(AuditActions.SignInFailed, user.Id);
            return Outcome.Refused<SignInStep>(RefusedMessage);
        }
        await audit.SignInEventAsync(AuditActions.SignedIn, user.Id);
        return Outcome.Made(user.MustChangePassword ? SignInStep.MustChangePassword : SignInStep.SignedIn);
    }
}
