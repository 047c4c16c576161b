using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shelter.Web.Housing;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Deploy;

public class PublicUrlTests
{
    private sealed class LoggedApp(LogCapture logs, IDictionary<string, string?> settings) : ShelterFactory(NewDataFolder(),
        demo: false, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(logs));
        }
    }

    private static async Task<string> WaitingListEmailAsync(ShelterFactory app)
    {
        // No bed yet, so she waits; then a bed appears, and the staff's email links to the waiting list.
        await app.CreateUserAsync("staff@links.test", Shelter.Core.Accounts.Roles.Staff);
        var staff = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };
        await staff.SignInAsync("staff@links.test", ShelterFactory.DemoPassword);
        await staff.PostFormAsync("/intake/new", "/intake/new",
            [new("Route", "HelpLine"), new("Alias", "Waiting one"), new("ConsentToKeepData", "true")]);
        Assert.Equal(1,
            await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.WaitingList)));
        await app.AddSiteAsync("Links House", confidential: false, ("Room", Shelter.Core.Sites.RoomKind.Single, 1));
        await app.WithServicesAsync(sp => sp.GetRequiredService<WaitingListNotifier>().NotifyIfBedsFitAsync().ContinueWith(_ => 0));
        return (await app.PickedUpMailsAsync(1)).Single();
    }

    [Fact]
    public async Task Email_links_use_the_configured_public_address()
    {
        var logs = new LogCapture();
        await using var app = new LoggedApp(logs,
            new Dictionary<string, string?>
            {
                ["Shelter:PublicUrl"] = "https://shelter.example.org",
                ["Security:AllowInsecureCookies"] = "true"
            });
        app.UseKestrel(0);
        app.StartServer();

        var mail = await WaitingListEmailAsync(app);

        Assert.Contains("https://shelter.example.org/intake/waiting", mail);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("PublicUrl is not set"));
    }

    [Fact]
    public async Task Without_a_public_address_links_use_the_address_served_on_and_a_warning_says_so()
    {
        var logs = new LogCapture();
        await using var app = new LoggedApp(logs, new Dictionary<string, string?> { ["Security:AllowInsecureCookies"] = "true" });
        app.UseKestrel(0);
        app.StartServer();

        var mail = await WaitingListEmailAsync(app);

        Assert.Contains(app.ServerAddress.ToString().TrimEnd('/') + "/intake/waiting", mail);
        Assert.DoesNotContain(":5080", mail);
        Assert.Contains(logs.Lines, l => l.Contains("Shelter__PublicUrl is not set"));
    }
}
