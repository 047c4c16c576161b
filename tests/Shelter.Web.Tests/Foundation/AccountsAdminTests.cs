using System.Net;
using System.Text.RegularExpressions;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Foundation;

public class AccountsAdminTests(ShelterFactory app) : IClassFixture<ShelterFactory>
{
    private static string OneTimePassword(string html) =>
        Regex.Match(html, "data-testid=\"one-time-password\">([^<]+)<").Groups[1].Value;

    [Fact]
    public async Task An_admin_opens_an_account_and_the_new_person_must_choose_her_own_password()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var created = await admin.PostFormAsync("/admin/users/new", "/admin/users/new",
            [new("Email", "new.worker@demo.shelter"), new("DisplayName", "Olena"), new("Roles", "CaseManager")]);
        var password = OneTimePassword(await created.Content.ReadAsStringAsync());
        Assert.Matches("^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$", password);

        var worker = app.NewClient();
        var signIn = await worker.SignInAsync("new.worker@demo.shelter", password);
        Assert.Equal("/Account/ChangePassword", signIn.Headers.Location!.ToString());
        var blocked = await worker.GetAsync("/");
        Assert.Equal("/Account/ChangePassword", blocked.Headers.Location!.ToString());

        var changed = await worker.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword",
            [new("CurrentPassword", password), new("NewPassword", "a long walk by the river"),
                new("ConfirmPassword", "a long walk by the river")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var dashboard = await worker.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Case manager", await dashboard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_account_needs_a_role_and_a_valid_email()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);

        var noRole = await admin.PostFormAsync("/admin/users/new", "/admin/users/new",
            [new("Email", "norole@demo.shelter"), new("DisplayName", "No role")]);
        var badEmail = await admin.PostFormAsync("/admin/users/new", "/admin/users/new",
            [new("Email", "not an email"), new("DisplayName", "Bad"), new("Roles", "Staff")]);
        var duplicate = await admin.PostFormAsync("/admin/users/new", "/admin/users/new",
            [new("Email", DemoAccounts.Staff), new("DisplayName", "Again"), new("Roles", "Staff")]);

        Assert.Contains("Choose at least one role.", await noRole.Content.ReadAsStringAsync());
        Assert.Contains("Enter an email address like name@example.org.", await badEmail.Content.ReadAsStringAsync());
        Assert.Contains("An account with that email already exists.", await duplicate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_disabled_account_can_no_longer_sign_in()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var created = await admin.PostFormAsync("/admin/users/new", "/admin/users/new",
            [new("Email", "leaving@demo.shelter"), new("DisplayName", "Leaving"), new("Roles", "Staff")]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var userId = await app.UserIdAsync("leaving@demo.shelter");

        var saved = await admin.PostFormAsync($"/admin/users/{userId}", $"/admin/users/{userId}",
            [new("DisplayName", "Leaving"), new("Roles", "Staff"), new("Disabled", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var password = OneTimePassword(await created.Content.ReadAsStringAsync());
        var refused = await app.NewClient().SignInAsync("leaving@demo.shelter", password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("disabled", await admin.GetStringAsync("/admin/users"));
    }

    [Fact]
    public async Task An_admin_cannot_take_away_her_own_admin_role()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var adminId = await app.UserIdAsync(DemoAccounts.Admin);

        var response = await admin.PostFormAsync($"/admin/users/{adminId}", $"/admin/users/{adminId}",
            [new("DisplayName", "Me"), new("Roles", "Staff")]);

        Assert.Contains("You cannot remove your own administrator role", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }
}
