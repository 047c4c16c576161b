using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Shelter.Web.Tests.Foundation;

/// <summary>
/// UI text goes through the localizer, and every string a view asks for has an English
/// resource, so a translator gets the complete list from one file.
/// </summary>
public partial class LocalizationTests
{
    [GeneratedRegex("""L\["((?:[^"\\]|\\.)*)"\]?""")]
    private static partial Regex LocalizedString();

    private static string WebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Shelter.sln"))) return Path.Combine(dir.FullName, "src", "Shelter.Web");
        throw new DirectoryNotFoundException("Shelter.sln not found above the test output");
    }

    [Fact]
    public void Every_string_a_view_shows_has_an_English_resource()
    {
        var web = WebProject();
        var resources = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var used = Directory.GetFiles(Path.Combine(web, "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => LocalizedString().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.All(used, k => Assert.Contains(k, resources));
    }

    [Fact]
    public void Views_carry_no_bare_headings_outside_the_localizer()
    {
        var bare = Directory.GetFiles(Path.Combine(WebProject(), "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"<h[1-3][^>]*>([A-Za-z][^<@]*)</h[1-3]>").Select(m => $"{Path.GetFileName(f)}: {m.Groups[1].Value}"))
            .ToList();

        Assert.Empty(bare);
    }
}
