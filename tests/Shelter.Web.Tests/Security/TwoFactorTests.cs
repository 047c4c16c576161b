using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Shelter.Core.Accounts;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Security;

/// <summary>Two-factor sign-in with an authenticator app: required for managers and administrators, open to everyone.</summary>
public partial class TwoFactorTests : IDisposable
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: false);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_manager_needs_her_password_and_a_code_and_a_code_works_only_once()
    {
        await _app.CreateUserAsync("manager@test.shelter", Roles.Manager);

        var first = _app.NewClient();
        var password = await first.SignInAsync("manager@test.shelter", ShelterFactory.DemoPassword);
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString);
        Assert.Contains("/Account/Login",
            (await first.GetAsync("/reports/occupancy")).Headers.Location!.OriginalString); // the password alone opens nothing

        var wrong = await first.PostFormAsync("/Account/LoginWith2fa", "/Account/LoginWith2fa", [new("Code", "000000")]);
        Assert.Contains(WebUtility.HtmlEncode("That code is not right"), await wrong.Content.ReadAsStringAsync());

        var code = await _app.AuthenticatorCodeAsync("manager@test.shelter", forgetLastUse: false);
        var signedIn = await first.PostFormAsync("/Account/LoginWith2fa", "/Account/LoginWith2fa", [new("Code", code)]);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/reports/occupancy")).StatusCode);

        // Someone who watched her type it, within the same 30 seconds: refused.
        var replay = _app.NewClient();
        await replay.SignInAsync("manager@test.shelter", ShelterFactory.DemoPassword);
        var again = await replay.PostFormAsync("/Account/LoginWith2fa", "/Account/LoginWith2fa", [new("Code", code)]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode("was already used"), await again.Content.ReadAsStringAsync());
        Assert.Contains("/Account/Login", (await replay.GetAsync("/")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_code_page_without_a_password_first_sends_her_back_to_sign_in()
    {
        var stranger = _app.NewClient();
        var page = await stranger.GetAsync("/Account/LoginWith2fa");
        Assert.Equal("/Account/Login", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Staff_can_turn_it_on_with_a_scanned_key_and_each_recovery_code_signs_in_once_and_is_stored_hashed()
    {
        await _app.CreateUserAsync("staff@test.shelter", Roles.Staff);
        var staff = await _app.SignedInClientAsync("staff@test.shelter");

        var setup = await staff.GetStringAsync("/Account/TwoFactor");
        Assert.Contains("data:image/png;base64,", setup); // the QR code
        var key = KeyPattern().Match(setup).Groups[1].Value.Replace(" ", "");
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(_app.Clock.GetUtcNow().UtcDateTime);
        var enabled = await staff.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor", [new("Code", code)]);
        var codes = CodePattern().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/beds")).StatusCode); // her own session goes on

        var stored = await _app.WithDbAsync(db => db.UserTokens.Select(t => t.Value ?? "").ToListAsync());
        Assert.DoesNotContain(stored, v => v.Contains(key) || codes.Any(c => v.Contains(c) || v.Contains(c.Replace("-", ""))));

        var lost = _app.NewClient();
        await lost.SignInAsync("staff@test.shelter", ShelterFactory.DemoPassword);
        var byRecovery = await lost.PostFormAsync("/Account/LoginWith2fa", "/Account/LoginWith2fa",
            [new("Code", codes[3].ToLowerInvariant())]);
        Assert.Equal("/", byRecovery.Headers.Location!.OriginalString);
        Assert.Contains("Recovery codes left: 9.", await lost.GetStringAsync("/Account/TwoFactor"));

        var reused = _app.NewClient();
        await reused.SignInAsync("staff@test.shelter", ShelterFactory.DemoPassword);
        var refused = await reused.PostFormAsync("/Account/LoginWith2fa", "/Account/LoginWith2fa", [new("Code", codes[3])]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        var off = await lost.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor/Off", []);
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "staff@test.shelter").Select(u => u.TwoFactorEnabled)
            .SingleAsync()));
    }

    [Fact]
    public async Task A_manager_without_a_second_factor_can_open_nothing_until_she_sets_one_up_and_cannot_turn_it_off()
    {
        await _app.CreateUserAsync("new.manager@test.shelter", Roles.Manager);
        await _app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ShelterUser>>();
            return await users.SetTwoFactorEnabledAsync((await users.FindByEmailAsync("new.manager@test.shelter"))!, false);
        });
        var manager = _app.NewClient();
        Assert.Equal("/",
            (await manager.SignInAsync("new.manager@test.shelter", ShelterFactory.DemoPassword)).Headers.Location!.OriginalString);

        // The jobs dashboard is refused by its policy; the refusal page, like every page, sends her to set up.
        foreach (var url in new[] { "/", "/reports/occupancy", "/sites", "/admin/users", "/jobs" })
            Assert.Equal("/Account/TwoFactor", (await manager.GetAsync(url)).Headers.Location?.OriginalString);
        var setup = await manager.GetStringAsync("/Account/TwoFactor");
        Assert.Contains("Set it up to continue.", setup);

        var wrong = await manager.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor", [new("Code", "123456")]);
        Assert.Equal("/Account/TwoFactor", wrong.Headers.Location!.OriginalString);
        Assert.Equal("/Account/TwoFactor", (await manager.GetAsync("/reports/occupancy")).Headers.Location?.OriginalString);

        var key = KeyPattern().Match(await manager.GetStringAsync("/Account/TwoFactor")).Groups[1].Value.Replace(" ", "");
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(_app.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(HttpStatusCode.OK,
            (await manager.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor", [new("Code", code)])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/reports/occupancy")).StatusCode);

        await manager.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor/Off", []);
        Assert.True(await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "new.manager@test.shelter")
            .Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_even_with_the_right_password_typed_again_between_them()
    {
        await _app.CreateUserAsync("admin@test.shelter", Roles.Admin);
        var guesser = _app.NewClient();
        await guesser.SignInAsync("admin@test.shelter", ShelterFactory.DemoPassword);
        for (var i = 0; i < 4; i++)
        {
            await guesser.PostFormAsync("/Account/LoginWith2fa", "/Account/LoginWith2fa", [new("Code", $"{i}{i}{i}{i}{i}{i}")]);
            // The right password again does not wipe the count of wrong codes (it would let a thief guess forever).
            if (i == 1) await guesser.SignInAsync("admin@test.shelter", ShelterFactory.DemoPassword);
        }
        await guesser.PostFormAsync("/Account/LoginWith2fa", "/Account/LoginWith2fa",
            [new("Code", "WRONG-CODES")]); // a wrong recovery code counts too

        var right = await guesser.PostFormAsync("/Account/LoginWith2fa", "/Account/LoginWith2fa",
            [new("Code", await _app.AuthenticatorCodeAsync("admin@test.shelter"))]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("/Account/Login", (await guesser.GetAsync("/admin/users")).Headers.Location!.OriginalString);
        Assert.True(await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@test.shelter").Select(u => u.LockoutEnd != null)
            .SingleAsync()));
    }

    [Fact]
    public async Task An_administrator_resets_a_lost_second_factor_her_sessions_end_and_she_sets_up_a_new_one()
    {
        await _app.CreateUserAsync("admin@test.shelter", Roles.Admin);
        await _app.CreateUserAsync("lost.phone@test.shelter", Roles.Manager);
        var manager = await _app.SignedInClientAsync("lost.phone@test.shelter");
        var admin = await _app.SignedInClientAsync("admin@test.shelter");
        var id = await _app.UserIdAsync("lost.phone@test.shelter");
        var oldKey = await _app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ShelterUser>>();
            return await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync("lost.phone@test.shelter"))!);
        });

        var reset = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}/reset-two-factor", []);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Contains("/Account/Login", (await manager.GetAsync("/")).Headers.Location!.OriginalString);
        var again = _app.NewClient();
        Assert.Equal("/",
            (await again.SignInAsync("lost.phone@test.shelter", ShelterFactory.DemoPassword)).Headers.Location!.OriginalString);
        Assert.Equal("/Account/TwoFactor", (await again.GetAsync("/")).Headers.Location?.OriginalString);
        var newKey = KeyPattern().Match(await again.GetStringAsync("/Account/TwoFactor")).Groups[1].Value.Replace(" ", "");
        Assert.NotEqual(oldKey, newKey);
        Assert.Contains("two-factor not set up yet", await admin.GetStringAsync("/admin/users"));
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([A-Z2-7 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li class=\"col\">([A-Z0-9-]+)</li>")]
    private static partial Regex CodePattern();
}
