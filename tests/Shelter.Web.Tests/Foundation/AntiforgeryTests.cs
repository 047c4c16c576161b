using System.Net;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Foundation;

public class AntiforgeryTests(ShelterFactory app) : IClassFixture<ShelterFactory>
{
    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_rejected()
    {
        var client = app.NewClient();

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(
            [new("Email", DemoAccounts.Staff), new("Password", ShelterFactory.DemoPassword)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_post_without_the_token_changes_nothing()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await admin.PostAsync("/admin/users/new", new FormUrlEncodedContent(
            [new("Email", "forged@demo.shelter"), new("DisplayName", "Forged"), new("Roles", "Admin")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("forged@demo.shelter", await admin.GetStringAsync("/admin/users"));
    }
}
