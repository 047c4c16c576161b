using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Audit;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Commands;

namespace Shelter.Web.Features.Admin;

public sealed class EditUserForm
{
    public string Id { get; set; } = "";
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter the name colleagues know her by.")]
    [StringLength(100, ErrorMessage = "Keep the name under 100 characters.")]
    public string DisplayName { get; set; } = "";

    public List<string> Roles { get; set; } = [];
    public bool Disabled { get; set; }

    /// <summary>The sites she works at: case managers and social workers reach only their residents.</summary>
    public List<int> Sites { get; set; } = [];

    public bool TwoFactorOn { get; set; }
}

/// <summary>
/// Changes an account's name, roles, or disables it. The security stamp changes with it,
/// so the person's open session picks the change up at the next check.
/// </summary>
public sealed class EditUser(UserManager<ShelterUser> users, ShelterDbContext db, AuditLog audit)
{
    public async Task<EditUserForm?> LoadAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return null;
        return new EditUserForm
        {
            Id = user.Id, Email = user.Email ?? "", DisplayName = user.DisplayName,
            Roles = (await users.GetRolesAsync(user)).ToList(),
            Disabled = user.LockoutEnd == DateTimeOffset.MaxValue,
            Sites = await db.StaffSites.Where(s => s.UserId == user.Id).Select(s => s.SiteId).ToListAsync(),
            TwoFactorOn = user.TwoFactorEnabled,
        };
    }

    public async Task<Outcome> HandleAsync(EditUserForm form, string actingUserId)
    {
        var user = await users.FindByIdAsync(form.Id);
        if (user is null) return Outcome.Refused("That account no longer exists.");
        var wanted = form.Roles.Where(Core.Accounts.Roles.All.Contains).Distinct().ToList();
        if (wanted.Count == 0) return Outcome.Refused("Choose at least one role.");
        if (user.Id == actingUserId && (!wanted.Contains(Core.Accounts.Roles.Admin) || form.Disabled))
            return Outcome.Refused("You cannot remove your own administrator role or disable your own account.");

        user.DisplayName = form.DisplayName.Trim();
        user.LockoutEnabled = true;
        user.LockoutEnd = form.Disabled ? DateTimeOffset.MaxValue : null;
        var current = await users.GetRolesAsync(user);
        var sitesBefore = await db.StaffSites.Where(s => s.UserId == user.Id).Select(s => s.SiteId).ToListAsync();
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        await StaffSites.SetAsync(db, user.Id, form.Sites);
        await users.UpdateSecurityStampAsync(user);
        var sitesAfter = await db.StaffSites.Where(s => s.UserId == user.Id).Select(s => s.SiteId).ToListAsync();
        // Who may see what is the account change that matters most: say what it was and what it became.
        audit.Record(AuditActions.Changed, "Account", user.Id,
            $"roles: {Listed(current)} → {Listed(wanted)}; sites: {Listed(sitesBefore)} → {Listed(sitesAfter)}; disabled: {form.Disabled}");
        return Outcome.Done;
    }

    private static string Listed<T>(IEnumerable<T> items) =>
        items.Select(i => i!.ToString()!).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } list ? string.Join(", ", list)
            : "(none)";

    /// <summary>
    /// She lost her phone and her recovery codes: her second factor is removed and her sessions end.
    /// A manager or administrator is asked to set up a new one at her next sign-in.
    /// </summary>
    public async Task<Outcome> ResetTwoFactorAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return Outcome.NotFound;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        audit.Record(AuditActions.Changed, "Account", user.Id);
        return Outcome.Done;
    }

    /// <summary>A new one-time password, made for her to replace at her next sign-in.</summary>
    public async Task<Outcome<string>> ResetPasswordAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return Outcome.NotFoundOf<string>();
        var password = OneTimePassword.Create();
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, password);
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        audit.Record(AuditActions.Changed, "Account", user.Id);
        return Outcome.Made(password);
    }
}
