using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shelter.Core.Data;

namespace Shelter.Web.Infrastructure.Auth;

/// <summary>
/// A disabled account, a changed role or a sign-out elsewhere renews the account's security stamp;
/// every request compares the session's stamp with the account's, so the old session ends on its
/// next request. One lookup by primary key, and the cookie is left as it is when nothing changed
/// (Identity's own validator rebuilds the principal and re-issues the cookie each time).
/// </summary>
public static class SessionStamp
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var claims = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = ctx.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = ctx.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (id is not null && stamp is not null
            && await ctx.HttpContext.RequestServices.GetRequiredService<ShelterDbContext>().Users
                .Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ctx.HttpContext.RequestAborted) == stamp)
            return;
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
