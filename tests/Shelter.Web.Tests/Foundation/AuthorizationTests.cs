using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Foundation;

public partial class AuthorizationTests(ShelterFactory app) : IClassFixture<ShelterFactory>
{
    private IReadOnlyList<ControllerActionDescriptor> Actions() =>
        app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>().ToList();

    private static bool IsAnonymous(ControllerActionDescriptor a) =>
        a.MethodInfo.GetCustomAttribute<AllowAnonymousAttribute>() is not null
        || a.ControllerTypeInfo.GetCustomAttribute<AllowAnonymousAttribute>() is not null;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    private static (HttpMethod Method, string Url) Request(ControllerActionDescriptor a)
    {
        var verb = a.ActionConstraints?.OfType<HttpMethodActionConstraint>().FirstOrDefault()?.HttpMethods.First() ?? "GET";
        var url = "/" + RouteParameter().Replace(a.AttributeRouteInfo!.Template!, "1");
        return (new HttpMethod(verb), url);
    }

    [Fact]
    public void Every_action_names_its_policy_or_is_explicitly_anonymous()
    {
        var unnamed = Actions()
            .Where(a => !IsAnonymous(a))
            .Where(a => !a.MethodInfo.GetCustomAttributes<AuthorizeAttribute>()
                .Concat(a.ControllerTypeInfo.GetCustomAttributes<AuthorizeAttribute>())
                .Any(x => !string.IsNullOrEmpty(x.Policy)))
            .Select(a => a.DisplayName)
            .ToList();

        Assert.NotEmpty(Actions());
        Assert.Empty(unnamed);
    }

    [Fact]
    public void Only_sign_in_its_code_step_the_language_switch_and_the_error_page_are_open_to_strangers()
    {
        var anonymous = Actions().Where(IsAnonymous).Select(a => a.ControllerTypeInfo.Name + "." + a.ActionName).Distinct().Order()
            .ToList();

        Assert.Equal(["AccountController.Login", "AccountController.LoginWith2fa", "ErrorsController.Show",
            "LanguageController.Choose"], anonymous);
    }

    [Fact]
    public async Task Every_protected_action_sends_an_anonymous_user_to_sign_in()
    {
        var client = app.NewClient();
        var failures = new List<string>();
        foreach (var action in Actions().Where(a => !IsAnonymous(a)))
        {
            var (method, url) = Request(action);
            using var response = await client.SendAsync(new HttpRequestMessage(method, url)
            {
                Content = method == HttpMethod.Post ? new FormUrlEncodedContent([]) : null,
            });
            var location = response.Headers.Location?.ToString() ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/Account/Login"))
                failures.Add($"{method} {url} -> {(int)response.StatusCode} {location}");
        }
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/new")]
    public async Task Staff_are_refused_the_jobs_dashboard_and_accounts(string url)
    {
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);

        var response = await staff.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_from_the_jobs_dashboard_to_sign_in()
    {
        var response = await app.NewClient().GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData(DemoAccounts.Manager, "/jobs")]
    [InlineData(DemoAccounts.Admin, "/jobs")]
    [InlineData(DemoAccounts.Admin, "/admin/users")]
    public async Task Managers_and_admins_open_what_is_theirs(string email, string url)
    {
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_dashboard_shows_accounts_and_no_resident_data()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);

        var html = await admin.GetStringAsync("/");

        Assert.Contains("Manage accounts", html);
        Assert.DoesNotContain("In the house tonight", html);
        Assert.DoesNotContain("Children in the house", html);
    }

    [Fact]
    public async Task Navigation_shows_each_role_only_what_it_may_open()
    {
        var staff = await (await app.SignedInClientAsync(DemoAccounts.Staff)).GetStringAsync("/");
        var admin = await (await app.SignedInClientAsync(DemoAccounts.Admin)).GetStringAsync("/");

        Assert.DoesNotContain("href=\"/admin/users\"", staff);
        Assert.DoesNotContain("href=\"/jobs\"", staff);
        Assert.Contains("href=\"/admin/users\"", admin);
        Assert.Contains("href=\"/jobs\"", admin);
    }
}
