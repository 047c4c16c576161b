using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Foundation;

public class SignInTests(ShelterFactory app) : IClassFixture<ShelterFactory>
{
    [Theory]
    [MemberData(nameof(DemoAccounts.EmailsWithRoleNames), MemberType = typeof(DemoAccounts))]
    public async Task Each_demo_role_signs_in_and_sees_its_dashboard(string email, string roleName)
    {
        var client = await app.SignedInClientAsync(email);

        var dashboard = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("Hello,", html);
        Assert.Contains(roleName, html);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_refusal()
    {
        var client = app.NewClient();

        var wrongPassword = await client.SignInAsync(DemoAccounts.CaseManager, "not-the-password-at-all");
        var unknownEmail = await client.SignInAsync("nobody@demo.shelter", "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownEmail.StatusCode);
        var refusal = System.Net.WebUtility.HtmlEncode(Features.Account.Login.RefusedMessage);
        Assert.Contains(refusal, await wrongPassword.Content.ReadAsStringAsync());
        Assert.Contains(refusal, await unknownEmail.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_email_costs_one_password_hash_like_a_wrong_password_so_timing_tells_nothing()
    {
        var hasher = new CountingHasher();
        using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<ShelterUser>>(hasher)));
        var client = counted.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        await client.SignInAsync(DemoAccounts.CaseManager, "not-the-password-at-all");
        var forKnown = hasher.Verifications;
        await client.SignInAsync("nobody-at-all@demo.shelter", "not-the-password-at-all");

        Assert.Equal(1, forKnown);
        Assert.Equal(2, hasher.Verifications); // the unknown email was hashed too
    }

    private sealed class CountingHasher : IPasswordHasher<ShelterUser>
    {
        private readonly PasswordHasher<ShelterUser> _inner = new();
        private int _verifications;
        public int Verifications => _verifications;
        public string HashPassword(ShelterUser user, string password) => _inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(ShelterUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task An_empty_form_gets_clear_messages()
    {
        var client = app.NewClient();

        var response = await client.SignInAsync("", "");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your email.", html);
        Assert.Contains("Enter your password.", html);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Staff);

        var signOut = await client.PostFormAsync("/", "/Account/Logout", []);
        var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_copy_of_the_session_cookie_taken_before_signing_out_no_longer_works()
    {
        // A client that keeps no cookies of its own, so the test holds the session cookie itself.
        var raw = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var loginPage = await raw.GetAsync("/Account/Login");
        var antiforgery = CookiePair(loginPage, "Antiforgery");
        var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent([new("Email", DemoAccounts.Staff), new("Password", ShelterFactory.DemoPassword),
                new("__RequestVerificationToken", HttpClientForms.AntiforgeryToken(await loginPage.Content.ReadAsStringAsync()))]),
        };
        login.Headers.Add("Cookie", antiforgery);
        var session = CookiePair(await raw.SendAsync(login), "Session");

        var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", $"{session}; {antiforgery}");
        var homePage = await raw.SendAsync(home);
        Assert.Equal(HttpStatusCode.OK, homePage.StatusCode);
        var logout = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken",
                HttpClientForms.AntiforgeryToken(await homePage.Content.ReadAsStringAsync()))]),
        };
        logout.Headers.Add("Cookie", $"{session}; {CookiePair(homePage, "Antiforgery", antiforgery)}");
        Assert.Equal(HttpStatusCode.Redirect, (await raw.SendAsync(logout)).StatusCode);

        var replay = new HttpRequestMessage(HttpMethod.Get, "/");
        replay.Headers.Add("Cookie", session);
        var replayed = await raw.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/Account/Login", replayed.Headers.Location!.PathAndQuery);
    }

    private static string CookiePair(HttpResponseMessage response, string nameContains, string? otherwise = null) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.FirstOrDefault(c => c.Split('=')[0].Contains(nameContains)) is { } cookie
            ? cookie.Split(';')[0]
            : otherwise ?? throw new InvalidOperationException($"No {nameContains} cookie set");

    [Fact]
    public async Task Health_answers_anonymously_with_the_database_checked()
    {
        var response = await app.NewClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Its own app: the lockout must not leak into the other sign-in tests.</summary>
public class LockoutTests(ShelterFactory app) : IClassFixture<ShelterFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var client = app.NewClient();
        for (var i = 0; i < 5; i++)
            await client.SignInAsync(DemoAccounts.SocialWorker, $"wrong-password-{i}");

        var right = await client.SignInAsync(DemoAccounts.SocialWorker, ShelterFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("do not match an account, or the account is locked", await right.Content.ReadAsStringAsync());
    }
}
