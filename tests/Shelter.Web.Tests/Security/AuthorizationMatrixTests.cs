using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Security;

/// <summary>
/// Every controller action × every role, against a table written down once here. An action
/// that is not in the table fails the test: whoever adds one decides, in this file, who may use it.
/// </summary>
public class AuthorizationMatrixTests(ShelterFactory app) : IClassFixture<ShelterFactory>
{
    private const string S = Roles.Staff, C = Roles.CaseManager, W = Roles.SocialWorker, M = Roles.Manager, A = Roles.Admin;
    private static readonly string[] Everyone = [S, C, W, M, A];

    /// <summary>Controller.Action → the roles allowed. Anonymous actions are listed with null.</summary>
    private static readonly Dictionary<string, string[]?> Expected = new()
    {
        ["Account.Login"] = null,
        ["Errors.Show"] = null,
        ["Account.LoginWith2fa"] = null,
        ["Language.Choose"] = null,
        ["Account.Logout"] = Everyone, ["Account.ChangePassword"] = Everyone, ["Account.AccessDenied"] = Everyone,
        ["Account.TwoFactor"] = Everyone, ["Account.RecoveryCodes"] = Everyone, ["Account.TwoFactorOff"] = Everyone,
        ["Home.Index"] = Everyone,
        ["Users.Index"] = [A], ["Users.Create"] = [A], ["Users.Edit"] = [A], ["Users.ResetPassword"] = [A], ["Users.ResetTwoFactor"] = [A],
        ["Beds.Index"] = [S, C, W, M], ["Beds.Hold"] = [S, C], ["Beds.ReleaseHold"] = [S, C],
        ["Stays.CheckIn"] = [S, C], ["Stays.Show"] = [S, C], ["Stays.Move"] = [S, C], ["Stays.CheckOut"] = [S, C], ["Stays.Terms"] = [S, C],
        ["Sites.Index"] = [M], ["Sites.Create"] = [M], ["Sites.Show"] = [M], ["Sites.Edit"] = [M], ["Sites.AddRoom"] = [M],
        ["Sites.AddBeds"] = [M], ["Sites.AddCounsellingRoom"] = [M],
        ["Sites.OutOfService"] = [M], ["Sites.BackInService"] = [M],
        ["Intake.New"] = [S, C], ["Intake.Show"] = [S, C], ["Intake.Waiting"] = [S, C], ["Intake.Contact"] = [S, C],
        ["Intake.Remove"] = [S, C],
        ["Residents.Index"] = [S, C, W], ["Residents.Show"] = [S, C, W],
        ["Residents.Consent"] = [S, C], ["Residents.Revoke"] = [S, C], ["Residents.Referral"] = [S, C],
        ["Partners.Index"] = [S, C, W, M], ["Partners.Create"] = [C, M], ["Partners.Edit"] = [C, M],
        ["Partners.Barriers"] = [S, C, W, M], ["Partners.Barriers:POST"] = [S, C],
        ["Medication.Index"] = [C], ["Medication.Resident"] = [C], ["Medication.Add"] = [C], ["Medication.Edit"] = [C],
        ["Medication.Dispensed"] = [C],
        ["Medication.End"] = [C], ["Medication.NewClosure"] = [C], ["Medication.Closure"] = [C],
        ["Documents.Index"] = [C], ["Documents.Show"] = [C], ["Documents.Start"] = [C], ["Documents.Step"] = [C],
        ["Documents.Declined"] = [C],
        ["Tasks.Index"] = [S, C, W], ["Tasks.Show"] = [S, C, W], ["Tasks.New"] = [S, C, W], ["Tasks.Step"] = [S, C, W],
        ["Tasks.Close"] = [S, C, W], ["Tasks.Assign"] = [S, C, W],
        ["Children.Index"] = [C, W], ["Children.Show"] = [C, W], ["Children.Save"] = [C, W], ["Children.Schedule"] = [W],
        ["Children.Attendance"] = [W],
        ["Employment.Show"] = [C, W], ["Employment.Start"] = [C, W], ["Employment.Step"] = [C, W], ["Employment.Declined"] = [C, W],
        ["Reports.Occupancy"] = [M], ["Reports.OccupancyCsv"] = [M], ["Reports.Outcomes"] = [M], ["Reports.OutcomesCsv"] = [M],
    };

    private static string Key(ControllerActionDescriptor a) => $"{a.ControllerName}.{a.ActionName}";

    /// <summary>A POST with its own row ("Controller.Action:POST") when it differs from the GET of the same name.</summary>
    private static string[]? ExpectedFor(ControllerActionDescriptor a)
    {
        var isPost = a.ActionConstraints?.OfType<Microsoft.AspNetCore.Mvc.ActionConstraints.HttpMethodActionConstraint>()
            .Any(c => c.HttpMethods.Contains("POST")) == true;
        return isPost && Expected.TryGetValue(Key(a) + ":POST", out var post) ? post : Expected[Key(a)];
    }

    [Fact]
    public async Task Every_action_allows_exactly_the_roles_in_the_table()
    {
        var actions = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>()
            .ActionDescriptors.Items.OfType<ControllerActionDescriptor>().ToList();
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var missing = actions.Select(Key).Distinct().Where(k => !Expected.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Actions without an entry in the matrix: " + string.Join(", ", missing));
        var stale = Expected.Keys.Where(k => actions.All(a => Key(a) != k.Replace(":POST", ""))).ToList();
        Assert.True(stale.Count == 0, "Matrix rows for actions that no longer exist: " + string.Join(", ", stale));

        var wrong = new List<string>();
        foreach (var action in actions)
        {
            var expected = ExpectedFor(action);
            var anonymous = action.MethodInfo.GetCustomAttribute<AllowAnonymousAttribute>() is not null
                || action.ControllerTypeInfo.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            if (expected is null)
            {
                if (!anonymous) wrong.Add($"{Key(action)} should be open to strangers");
                continue;
            }
            if (anonymous) { wrong.Add($"{Key(action)} is anonymous but should not be"); continue; }
            var names = action.MethodInfo.GetCustomAttributes<AuthorizeAttribute>()
                .Concat(action.ControllerTypeInfo.GetCustomAttributes<AuthorizeAttribute>())
                .Select(a => a.Policy).Where(p => p is not null).Distinct().ToList();
            foreach (var role in Everyone)
            {
                var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u"),
                    new Claim(ClaimTypes.Role, role)], "test"));
                var allowed = true;
                foreach (var name in names)
                    allowed &= (await authorization.AuthorizeAsync(user, (await policies.GetPolicyAsync(name!))!)).Succeeded;
                if (allowed != expected.Contains(role)) wrong.Add($"{Key(action)} {(allowed ? "allows" : "refuses")} {role}");
            }
        }
        Assert.Empty(wrong);
    }

    /// <summary>
    /// Ids that lead to no resident, or that the handler checks against a resident id already
    /// covered (a consent or a child "of hers"): each written down with its reason.
    /// </summary>
    private static readonly Dictionary<string, string> NotResidentIds = new()
    {
        ["Users.*"] = "accounts, not residents",
        ["Sites.*"] = "sites and beds for managers, who are not limited to sites",
        ["Partners.*"] = "the partner directory",
        ["Reports.*"] = "aggregates for managers",
        ["Medication.Closure:id"] = "a dispensing site's closure; its page lists only residents she reaches",
        ["Residents.Revoke:consentId"] = "the handler finds the consent among the resident's own",
        ["Residents.Referral:partnerId"] = "a partner",
        ["Residents.Referral:form.PartnerId"] = "a partner",
        ["Residents.Consent:form.PartnerId"] = "a partner",
        ["Documents.Start:form.ChildId"] = "the handler refuses a child who is not hers",
        ["Tasks.New:form.ChildId"] = "the handler refuses a child who is not hers",
        ["Children.Schedule:form.CounsellingRoomId"] = "the handler refuses a room that is not at her site",
        ["Medication.Add:form.DispensingSiteId"] = "a partner",
        ["Medication.Edit:form.DispensingSiteId"] = "a partner",
        ["Medication.NewClosure:form.PartnerId"] = "a partner",
        ["Intake.New:form.RefusedByPartnerId"] = "a partner",
        ["Partners.Barriers:form.PartnerId"] = "a partner",
    };

    [Fact]
    public void Every_id_an_action_takes_is_checked_against_the_readers_sites()
    {
        var actions = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>()
            .ActionDescriptors.Items.OfType<ControllerActionDescriptor>().ToList();
        var notChecked = new List<string>();
        foreach (var action in actions)
        {
            if (NotResidentIds.ContainsKey(action.ControllerName + ".*")) continue;
            var checkedArgs = action.MethodInfo.GetCustomAttributes<Shelter.Web.Infrastructure.Auth.ReachesAttribute>()
                .Select(r => r.Argument).ToHashSet();
            foreach (var p in action.MethodInfo.GetParameters())
            {
                var ids = IsId(p.ParameterType) && p.Name!.EndsWith("id", StringComparison.OrdinalIgnoreCase) ? [p.Name!]
                    : p.ParameterType.IsClass && p.ParameterType != typeof(string)
                        && p.ParameterType.Namespace?.StartsWith("Shelter.Web.Features", StringComparison.Ordinal) == true
                        ? p.ParameterType.GetProperties()
                            .Where(q => IsId(q.PropertyType) && q.Name.EndsWith("Id", StringComparison.Ordinal))
                            .Select(q => $"{p.Name}.{q.Name}")
                        : [];
                foreach (var id in ids)
                    if (!checkedArgs.Contains(id) && !NotResidentIds.ContainsKey($"{Key(action)}:{id}"))
                        notChecked.Add($"{Key(action)}:{id}");
            }
        }
        Assert.True(notChecked.Count == 0, "Ids without [Reaches] or a reason here: " + string.Join(", ", notChecked.Distinct()));

        static bool IsId(Type t) => t == typeof(int) || t == typeof(int?);
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_managers_and_admins_only()
    {
        foreach (var (email, allowed) in new[] { (DemoAccounts.Staff, false), (DemoAccounts.CaseManager, false),
            (DemoAccounts.SocialWorker, false), (DemoAccounts.Manager, true), (DemoAccounts.Admin, true) })
        {
            var client = await app.SignedInClientAsync(email);
            Assert.Equal(allowed ? System.Net.HttpStatusCode.OK : System.Net.HttpStatusCode.Forbidden,
                (await client.GetAsync("/jobs")).StatusCode);
        }
    }
}
