using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OtpNet;
using Shelter.Core.Accounts;
using Shelter.Core.Data;

namespace Shelter.Web.Infrastructure.Auth;

/// <summary>
/// Authenticator-app codes (TOTP, RFC 6238) in place of Identity's own check, which accepts the
/// same code again for as long as it is valid. A code is accepted once: the step it matched is
/// kept on the account and a code of that step or an earlier one is refused. One step either
/// side of now is accepted for phones whose clocks drift.
/// </summary>
public sealed class OnceOnlyAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<ShelterUser>
{
    public Task<string> GenerateAsync(string purpose, UserManager<ShelterUser> manager, ShelterUser user) =>
        Task.FromResult(string.Empty); // the phone generates the codes

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ShelterUser> manager, ShelterUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ShelterUser> manager, ShelterUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = TwoFactorCodes.Normalise(token);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step,
            new VerificationWindow(previous: 1, future: 1))) return false;
        if (user.LastAuthenticatorStep is { } last && step <= last) return false; // replayed
        user.LastAuthenticatorStep = step;
        // The concurrency stamp makes two requests racing with one code save only once.
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}

/// <summary>
/// Keeps the authenticator key encrypted (Data Protection, like the medication columns) and the
/// recovery codes hashed, so a copied database file yields neither a second factor nor a way round it.
/// </summary>
public sealed class ShelterUserStore(ShelterDbContext context, IColumnProtector protector, IdentityErrorDescriber? describer = null)
    : UserStore<ShelterUser, IdentityRole, ShelterDbContext>(context, describer)
{
    public override async Task SetAuthenticatorKeyAsync(ShelterUser user, string key, CancellationToken cancellationToken) =>
        await base.SetAuthenticatorKeyAsync(user, protector.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(ShelterUser user, CancellationToken cancellationToken) =>
        await base.GetAuthenticatorKeyAsync(user, cancellationToken) is { } stored ? protector.Unprotect(stored) : null;

    public override Task ReplaceCodesAsync(ShelterUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(TwoFactorCodes.Hash), cancellationToken);

    public override Task<bool> RedeemCodeAsync(ShelterUser user, string code, CancellationToken cancellationToken) =>
        base.RedeemCodeAsync(user, TwoFactorCodes.Hash(code), cancellationToken);
}

public static class TwoFactorCodes
{
    /// <summary>Managers and administrators see the whole house or every account: they must use a second factor.</summary>
    public static bool IsRequiredFor(ClaimsPrincipal user) => IsRequiredFor(Roles.All.Where(user.IsInRole));

    public static bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(r => r is Roles.Manager or Roles.Admin);

    /// <summary>"123 456" and "abcde-12345 " as typed on a phone become "123456" and "ABCDE12345".</summary>
    public static string Normalise(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(code))));

    /// <summary>The otpauth:// address an authenticator app reads from the QR code.</summary>
    public static string AppAddress(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("Shelter:" + email)}?secret={key}&issuer=Shelter&digits=6&period=30";

    /// <summary>The key in groups of four, easier to type into a phone.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4))));
}

/// <summary>
/// A manager or administrator without a second factor may do nothing but set one up (or sign out).
/// Runs after <see cref="PasswordChangeRequiredFilter"/>: first her own password, then her phone.
/// </summary>
public sealed class TwoFactorRequiredFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true || !TwoFactorCodes.IsRequiredFor(user)) return;
        if (user.HasClaim(c => c.Type == ShelterClaimsFactory.TwoFactorOn)) return;
        var action = context.RouteData.Values["action"] as string;
        var controller = context.RouteData.Values["controller"] as string;
        if (controller == "Account" && action is "TwoFactor" or "Logout" or "ChangePassword") return;
        if (controller == "Language") return; // she may read the set-up page in her own language
        context.Result = new RedirectResult("/Account/TwoFactor");
    }

    public void OnActionExecuted(ActionExecutedContext context) { }
}
