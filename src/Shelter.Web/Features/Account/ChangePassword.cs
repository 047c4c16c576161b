using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Shelter.Core.Accounts;
using Shelter.Core.Audit;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Audit;

namespace Shelter.Web.Features.Account;

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(256, MinimumLength = 12, ErrorMessage = "Use at least 12 characters; a few words together are easy to remember.")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>Replaces a password; clears the one-time-password flag an administrator set.</summary>
public sealed class ChangePassword(UserManager<ShelterUser> users, SignInManager<ShelterUser> signIn, AuditLog audit)
{
    public async Task<Outcome> HandleAsync(ClaimsPrincipal principal, ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return Outcome.Refused("Your account could not be found. Sign in again.");
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded) return Outcome.Refused(result.Errors.Select(e => e.Description).ToList());
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        audit.Record(AuditActions.Changed, "Account", user.Id);
        await signIn.RefreshSignInAsync(user);
        return Outcome.Done;
    }
}
