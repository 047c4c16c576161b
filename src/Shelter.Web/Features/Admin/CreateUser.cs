using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Shelter.Core.Accounts;
using Shelter.Core.Audit;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Commands;

namespace Shelter.Web.Features.Admin;

public sealed class CreateUserForm
{
    [Required(ErrorMessage = "Enter the person's work email.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [StringLength(256, ErrorMessage = "Keep the email address under {1} characters.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter the name colleagues know her by.")]
    [StringLength(100, ErrorMessage = "Keep the name under 100 characters.")]
    public string DisplayName { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    /// <summary>The sites she works at: case managers and social workers reach only their residents.</summary>
    public List<int> Sites { get; set; } = [];
}

public sealed record CreatedUser(string Email, string OneTimePassword);

/// <summary>
/// An administrator opens an account; there is no self-registration. The one-time password
/// is shown once and must be replaced at first sign-in.
/// </summary>
public sealed class CreateUser(UserManager<ShelterUser> users, ShelterDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<CreatedUser>> HandleAsync(CreateUserForm form)
    {
        var roles = form.Roles.Where(Core.Accounts.Roles.All.Contains).Distinct().ToList();
        if (roles.Count == 0) return Outcome.Refused<CreatedUser>("Choose at least one role.");
        if (await users.FindByEmailAsync(form.Email.Trim()) is not null)
            return Outcome.Refused<CreatedUser>("An account with that email already exists.");

        var password = OneTimePassword.Create();
        var user = new ShelterUser
        {
            UserName = form.Email.Trim(), Email = form.Email.Trim(), EmailConfirmed = true,
            DisplayName = form.DisplayName.Trim(), MustChangePassword = true, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return Outcome.Refused<CreatedUser>(result.Errors.Select(e => e.Description).ToList());
        await users.AddToRolesAsync(user, roles);
        await StaffSites.SetAsync(db, user.Id, form.Sites);
        audit.Record(AuditActions.Created, "Account", user.Id);
        return Outcome.Made(new CreatedUser(user.Email, password));
    }
}
