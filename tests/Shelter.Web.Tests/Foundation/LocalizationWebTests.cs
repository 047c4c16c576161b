using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Core.Sites;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure.Localization;
using Shelter.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Shelter.Web.Tests.Foundation;

/// <summary>
/// Russian and Ukrainian through the real app: the browser's language before sign-in, the switch
/// remembered on the account, every main page of every role free of English, emails in the
/// recipient's language. English stays the default for anyone who asks for nothing else.
/// </summary>
public partial class LocalizationWebTests(ShelterFactory demo, ITestOutputHelper output) : IClassFixture<ShelterFactory>
{
    private static string WebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Shelter.sln"))) return Path.Combine(dir.FullName, "src", "Shelter.Web");
        throw new DirectoryNotFoundException("Shelter.sln not found above the test output");
    }

    private static Dictionary<string, string> Resources(string suffix) =>
        XDocument.Load(Path.Combine(WebProject(), "Resources", $"SharedResource{suffix}.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HttpClient Client(ShelterFactory app, string? language)
    {
        var client = app.NewClient();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static string Heading(string html) => Parse(html).QuerySelector("h1")?.TextContent.Trim() ?? "";

    [Theory]
    [InlineData(null, "en", "Sign in to Shelter")]
    [InlineData("en-GB,en;q=0.9", "en", "Sign in to Shelter")]
    [InlineData("ru-RU,ru;q=0.9,en;q=0.5", "ru", "Вход в Shelter")]
    [InlineData("uk", "uk", "Вхід до Shelter")]
    [InlineData("de-DE", "en", "Sign in to Shelter")]
    public async Task Localization_before_sign_in_the_browser_language_decides(string? acceptLanguage, string lang, string heading)
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false);

        var page = Parse(await Client(app, acceptLanguage).GetStringAsync("/Account/Login"));

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Localization_the_switch_changes_the_language_and_the_account_keeps_it_across_sign_out_and_sign_in()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false);
        await app.CreateUserAsync("night@lang.test", Roles.Staff);
        var browser = Client(app, null);
        await browser.SignInAsync("night@lang.test", ShelterFactory.DemoPassword);
        Assert.Equal("Bed board", Heading(await browser.GetStringAsync("/beds")));

        var chosen = await browser.PostFormAsync("/", "/language", [new("language", "uk"), new("returnUrl", "/beds")]);

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/beds", chosen.Headers.Location!.OriginalString);
        Assert.Contains(".AspNetCore.Culture=", string.Join(";", chosen.Headers.GetValues("Set-Cookie")));
        Assert.Equal("Схема місць", Heading(await browser.GetStringAsync("/beds")));
        Assert.Equal("uk",
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == "night@lang.test").Select(u => u.Language).SingleAsync()));

        // Another computer: no culture cookie, a browser that asks for English; her account decides once she is in.
        await browser.PostFormAsync("/", "/Account/Logout", []);
        var elsewhere = Client(app, "en");
        Assert.Equal("Sign in to Shelter", Heading(await elsewhere.GetStringAsync("/Account/Login")));
        await elsewhere.SignInAsync("night@lang.test", ShelterFactory.DemoPassword);
        var board = Parse(await elsewhere.GetStringAsync("/beds"));
        Assert.Equal("uk", board.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Схема місць", board.QuerySelector("h1")!.TextContent.Trim());

        // Switching back is remembered the same way.
        await elsewhere.PostFormAsync("/", "/language", [new("language", "en"), new("returnUrl", "/")]);
        Assert.Equal("en",
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == "night@lang.test").Select(u => u.Language).SingleAsync()));
        Assert.Equal("Bed board", Heading(await elsewhere.GetStringAsync("/beds")));
    }

    [Fact]
    public async Task Localization_handler_and_validation_messages_come_in_the_readers_language()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false);
        await app.CreateUserAsync("night@lang.test", Roles.Staff);

        var refused = Parse(await (await Client(app, "ru").SignInAsync("night@lang.test", "wrong-password-here"))
            .Content.ReadAsStringAsync());
        var staff = Client(app, "uk");
        await staff.SignInAsync("night@lang.test", ShelterFactory.DemoPassword);
        var invalid = Parse(await (await staff.PostFormAsync("/intake/new", "/intake/new", [new("Route", ""), new("Alias", "")]))
            .Content.ReadAsStringAsync());

        Assert.Contains("Эл. почта и пароль не подходят ни к одной учётной записи, или она заблокирована.",
            refused.Body!.TextContent);   // handler message
        Assert.Contains("Введіть ім'я, яким вона просить її називати; псевдоніма достатньо.",
            invalid.Body!.TextContent);             // [Required] message
        Assert.DoesNotContain("Enter the name she wants to be called", invalid.Body!.TextContent);
    }

    [Fact]
    public async Task Localization_the_switch_refuses_a_language_it_does_not_speak_and_an_outside_return_address()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false);
        var browser = Client(app, null);

        var unknown = await browser.PostFormAsync("/Account/Login", "/language", [new("language", "xx"), new("returnUrl", "/")]);
        var outside = await browser.PostFormAsync("/Account/Login", "/language",
            [new("language", "ru"), new("returnUrl", "https://evil.example/")]);
        var noToken = await browser.PostAsync("/language", new FormUrlEncodedContent([new("language", "ru")]));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("/", outside.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal("Вход в Shelter", Heading(await browser.GetStringAsync("/Account/Login"))); // the cookie of the accepted choice
    }

    [Fact]
    public async Task Localization_each_email_goes_out_in_its_recipients_language()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false);
        await app.CreateUserAsync("ru@lang.test", Roles.Staff);
        await app.CreateUserAsync("uk@lang.test", Roles.Staff);
        await app.CreateUserAsync("en@lang.test", Roles.Staff);
        foreach (var (email, language) in new[] { ("ru@lang.test", "ru"), ("uk@lang.test", "uk") })
        {
            var client = Client(app, null);
            await client.SignInAsync(email, ShelterFactory.DemoPassword);
            await client.PostFormAsync("/", "/language", [new("language", language), new("returnUrl", "/")]);
        }
        var staff = Client(app, "ru"); // the browser of whoever causes the email does not matter
        await staff.SignInAsync("en@lang.test", ShelterFactory.DemoPassword);
        await staff.PostFormAsync("/intake/new", "/intake/new",
            [new("Route", "HelpLine"), new("Alias", "Waiting one"), new("ConsentToKeepData", "true")]);
        await app.AddSiteAsync("Language House", confidential: false, ("Room", RoomKind.Single, 1));

        await app.WithServicesAsync(async sp => { await sp.GetRequiredService<WaitingListNotifier>().NotifyIfBedsFitAsync(); return 0; });
        await app.DeliverOutboxAsync();

        var mails = (await app.PickedUpMailsAsync(atLeast: 3))
            .Select(m => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m))))
            .ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.Equal(3, mails.Count);
        Assert.Equal("1 free bed fits a woman on the waiting list", mails["en@lang.test"].Subject);
        Assert.Equal("Свободное место подходит женщине из листа ожидания", mails["ru@lang.test"].Subject);
        Assert.Equal("Вільне місце підходить жінці зі списку очікування", mails["uk@lang.test"].Subject);
        Assert.Contains("Откройте лист ожидания в Shelter, чтобы заселить её:", mails["ru@lang.test"].TextBody);
        Assert.Contains("Відкрийте список очікування в Shelter, щоб поселити її:", mails["uk@lang.test"].TextBody);
        Assert.Contains("Open the waiting list in Shelter to check her in:", mails["en@lang.test"].TextBody);
        Assert.All(mails.Values, m => Assert.DoesNotContain("Waiting one", m.TextBody));
    }

    /// <summary>Common English words that no Russian or Ukrainian sentence of ours contains.</summary>
    [GeneratedRegex(
        @"\b(the|and|she|her|with|your|you|is|are|not|of|for|this|here|there|has|was|will|no|yes|open|save|back|edit|add|new"
            + @"|time|until|since|due|next|fees|child|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();

    /// <summary>Text that is the same in every language: the product's name, the screening's name, file formats.</summary>
    private static readonly string[] Untranslated = ["Shelter", "HITS", "CSV", "QR", "FreeOTP", "Aegis", "Google Authenticator",
        "Microsoft Authenticator", "OK"];

    /// <summary>Every role in every language but English, from the app's own list of languages.</summary>
    public static TheoryData<string, string> RolesInEveryTranslation()
    {
        var runs = new TheoryData<string, string>();
        foreach (var (language, _) in Languages.Supported.Where(l => l.Code != Languages.Default))
            foreach (var role in Accessibility.AccessibilityBrowser.Roles) runs.Add(role, language);
        return runs;
    }

    [Theory]
    [MemberData(nameof(RolesInEveryTranslation))]
    public async Task Localization_every_main_page_of_every_role_shows_no_English(string account, string language)
    {
        // One demo app for the class: the pages are only read (a view writes an audit row, which is not shown).
        var app = demo;
        var english = Resources("").Where(e => Regex.IsMatch(e.Value, "[A-Za-z]{3}") && !Untranslated.Contains(e.Value))
            .Select(e => e.Value).ToHashSet();
        var data = await DataTextsAsync(app);
        var signedIn = await app.SignedInClientAsync(account);
        // Signed in through the helper (English), then her browser asks for the language under test.
        signedIn.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var ids = await app.WithDbAsync(async db => new
        {
            Resident = await db.Stays.Where(s => s.EndedAt == null && s.ChildId == null).Select(s => s.ResidentId).FirstAsync(),
            Stay = await db.Stays.Where(s => s.EndedAt == null && s.ChildId == null).Select(s => s.Id).FirstAsync(),
            Child = await db.Children.Select(c => c.Id).FirstAsync(),
            Intake = await db.Intakes.OrderByDescending(i => i.Id).Select(i => i.Id).FirstAsync(),
            Site = await db.Sites.Select(s => s.Id).FirstAsync(),
            FollowUp = await db.FollowUps.Select(f => f.Id).FirstAsync(),
            Partner = await db.Partners.Select(p => p.Id).FirstAsync(),
        });
        string[] pages =
        [
            "/", "/beds", "/intake/new", "/intake/waiting", $"/intake/{ids.Intake}", "/stays/check-in", $"/stays/{ids.Stay}",
            $"/stays/{ids.Stay}/check-out", $"/stays/{ids.Stay}/move", $"/stays/{ids.Stay}/terms", "/residents",
                $"/residents/{ids.Resident}",
            "/tasks", $"/tasks/{ids.FollowUp}", "/medication", $"/medication/residents/{ids.Resident}", "/documents", "/children",
                $"/children/{ids.Child}",
            "/partners", $"/partners/{ids.Partner}", "/partners/new", "/barriers", $"/employment/residents/{ids.Resident}",
                "/medication/closures/new", "/reports/occupancy", "/reports/outcomes", "/sites", $"/sites/{ids.Site}",
            "/admin/users", "/admin/users/new", "/Account/TwoFactor", "/Account/ChangePassword",
        ];

        var found = new List<string>();
        var shown = 0;
        foreach (var url in pages)
        {
            using var response = await signedIn.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK) { output.WriteLine($"{url}: {(int)response.StatusCode}"); continue; }
            shown++;
            var page = Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
            foreach (var text in VisibleTexts(page))
            {
                // What people typed (the demo's partners, schools, notes) is theirs, in whatever language they wrote it.
                var bare = data.Concat(Untranslated).Aggregate(text, (t, same) => t.Replace(same, ""));
                if (english.Contains(bare.Trim()) || EnglishWord().IsMatch(bare)) found.Add($"{url}: {text}");
            }
        }
        foreach (var f in found.Distinct()) output.WriteLine(f);

        Assert.True(shown >= 5, $"only {shown} pages answered 200 for {account}");
        Assert.Empty(found.Distinct());
    }

    /// <summary>Every text value stored in the database, longest first, decrypted by the app's own data layer.</summary>
    private static async Task<List<string>> DataTextsAsync(ShelterFactory app) => await app.WithDbAsync(async db =>
    {
        var texts = new HashSet<string>();
        var skip = new[] { "AuditEvent", "FormSubmission", "OutboxMessage", "SentNotice" };
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType && !skip.Contains(t.ClrType.Name)))
        {
            var strings = type.GetProperties().Where(p => p.ClrType == typeof(string) && p.PropertyInfo is not null)
                .Select(p => p.PropertyInfo!).ToList();
            if (strings.Count == 0) continue;
            var set = (IQueryable<object>)typeof(DbContext)
                .GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            foreach (var row in await set.ToListAsync())
                foreach (var property in strings)
                    if (property.GetValue(row) is string { Length: > 2 } value) texts.Add(value.Trim());
        }
        // What Shelter itself wrote into a record is not what people typed: it must be shown in her language.
        texts.ExceptWith(Shelter.Web.Features.Shared.FollowUpWhat.All);
        return texts.OrderByDescending(t => t.Length).ToList();
    });

    /// <summary>What a person reads or hears: text nodes, and the attributes screen readers and forms show.</summary>
    private static IEnumerable<string> VisibleTexts(IDocument page)
    {
        foreach (var node in page.Body!.Descendants<IText>())
        {
            if (node.ParentElement?.Closest("script, style, [data-personal]") is not null) continue;
            var text = node.Data.Trim();
            if (text.Length > 1) yield return text;
        }
        yield return page.Title ?? "";
        foreach (var element in page.QuerySelectorAll("[placeholder], [title], [aria-label], [alt]"))
            foreach (var name in new[] { "placeholder", "title", "aria-label", "alt" })
                if (element.GetAttribute(name) is { Length: > 1 } value) yield return value.Trim();
    }
}
