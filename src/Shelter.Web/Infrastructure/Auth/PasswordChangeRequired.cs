using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Shelter.Core.Accounts;

namespace Shelter.Web.Infrastructure.Auth;

/// <summary>Puts the account's flags into the sign-in cookie so filters need no database read.</summary>
public sealed class ShelterClaimsFactory(UserManager<ShelterUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ShelterUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePassword = "shelter:must_change_password";
    public const string DisplayName = "shelter:display_name";
    public const string TwoFactorOn = "shelter:two_factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ShelterUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(MustChangePassword, "1"));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(TwoFactorOn, "1"));
        if (user.Language is not null) identity.AddClaim(new Claim(Localization.Languages.Claim, user.Language));
        return identity;
    }
}

/// <summary>Someone signed in with a one-time password may do nothing else until she chooses her own.</summary>
public sealed class PasswordChangeRequiredFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (!context.HttpContext.User.HasClaim(c => c.Type == ShelterClaimsFactory.MustChangePassword)) return;
        var action = context.RouteData.Values["action"] as string;
        var controller = context.RouteData.Values["controller"] as string;
        if (controller == "Account" && action is "ChangePassword" or "Logout") return;
        if (controller == "Language") return; // she may read the password page in her own language
        context.Result = new RedirectResult("/Account/ChangePassword");
    }

    public void OnActionExecuted(ActionExecutedContext context) { }
}
