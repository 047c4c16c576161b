using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shelter.Web.Infrastructure.Localization;

namespace Shelter.Web.Tests.Foundation;

/// <summary>
/// UI text goes through the localizer, and every string a view asks for has an English
/// resource, so a translator gets the complete list from one file.
/// </summary>
public partial class LocalizationTests
{
    [GeneratedRegex("""L\["((?:[^"\\]|\\.)*)"(?=\s*[\],])""")]
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
            .SelectMany(f => LocalizedString().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"")))
            .Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.All(used, k => Assert.Contains(k, resources));
    }

    /// <summary>An interpolated string in a view with words in it (not an address): $" · next {due}" is English on every page.</summary>
    [GeneratedRegex("""\$"(?![^"]*[/=])[^"{]*\b[a-z]{2,}\b""")]
    private static partial Regex WordsInInterpolation();

    [Fact]
    public void Localization_views_build_no_words_outside_the_localizer()
    {
        var found = Directory.GetFiles(Path.Combine(WebProject(), "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => WordsInInterpolation().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();
        Assert.True(found.Count == 0, "words built outside the localizer:\n" + string.Join("\n", found));
    }

    /// <summary>
    /// Any string literal in the code, with its <c>$</c> if interpolated: a sentence a worker may read can be
    /// returned, refused, put in a notice or a model error, a tuple, a record, a constant or an out value,
    /// so every literal is looked at, not only those after a known keyword.
    /// </summary>
    /// Verbatim and raw strings and characters are matched only to be stepped over (SQL and patterns live there).
    [GeneratedRegex("""\$?@\$?\x22(?:[^\x22]|\x22\x22)*\x22|\$*\x22\x22\x22[\s\S]*?\x22\x22\x22|'(?:[^'\\\n]|\\u\w{4}|\\.)'|"""
        + """(\$?)\x22((?:[^\x22\\\n]|\\.)*)\x22""")]
    private static partial Regex MessageLiteral();

    /// <summary>"a " + "b" across lines: one sentence, one resource key.</summary>
    [GeneratedRegex("""\x22\s*\+\s*\$?\x22""")]
    private static partial Regex Concatenation();

    /// <summary>
    /// What never reaches a worker's screen, so may stay English: exceptions (the error page shows its own
    /// words), logs and the console (the operator's), the audit trail's details (one language for the inspector),
    /// and text for machines (SQL, index filters, connection strings, markup, headers).
    /// </summary>
    [GeneratedRegex("""(throw |Exception\(|\.Log\w*\(|Console\.|audit\.Record\(|\.HasFilter\(|Sql\w*\()[^;]*$""")]
    private static partial Regex ForOperators();

    [GeneratedRegex("""^(SELECT|PRAGMA|Data Source=|<|attachment;)""")]
    private static partial Regex ForMachines();

    [Fact]
    public void Localization_every_message_a_handler_or_rule_gives_is_a_resource()
    {
        var web = WebProject();
        var english = Resources("en");
        // The command line and the demo data speak to the operator, in English.
        string[] notForWorkers = [Path.Combine("Infrastructure", "Commands"), Path.Combine("Infrastructure", "Demo")];
        var sources = Directory.GetFiles(web, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(web, "..", "Shelter.Core"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => !notForWorkers.Any(f.Contains));

        var gaps = new List<string>();
        foreach (var file in sources)
        {
            var code = Concatenation().Replace(WithoutComments(File.ReadAllText(file)), "");
            foreach (Match m in MessageLiteral().Matches(code).Where(m => m.Groups[2].Success))
            {
                var text = m.Groups[2].Value.Replace("\\\"", "\"");
                var interpolated = m.Groups[1].Value == "$";
                // A sentence: a capital, words, a full stop or question; or words built around values ($"Child {i}").
                // Identifiers, formats, routes and keys are not.
                var words = Regex.Replace(text, "{[^}]*}", "");
                var builtAroundValues = interpolated && words.Contains(' ') && Regex.IsMatch(words, "[A-Za-z]{2}");
                if (!Regex.IsMatch(text, @"^[A-Z].*\s.*[.?!]$") && !builtAroundValues) continue;
                if (ForMachines().IsMatch(text) || ForOperators().IsMatch(StatementBefore(code, m.Index))) continue;
                if (interpolated) gaps.Add($"{Path.GetFileName(file)}: interpolated, make it a resource with {{0}}: {text}");
                else if (!english.ContainsKey(text)) gaps.Add($"{Path.GetFileName(file)}: {text}");
            }
        }

        Assert.True(gaps.Count == 0, $"{gaps.Count} messages are not resources:\n" + string.Join("\n", gaps.Order()));
    }

    /// <summary>Whole-line comments go; a "//" inside a string (an address) stays.</summary>
    private static string WithoutComments(string code) => Regex.Replace(code, @"^\s*//.*$", "", RegexOptions.Multiline);

    /// <summary>The code from the end of the statement before up to the literal.</summary>
    private static string StatementBefore(string code, int at)
    {
        var start = code.LastIndexOfAny([';', '}'], Math.Max(0, at - 1));
        return code[(start + 1)..at];
    }

    /// <summary>Names of the field that read the same in every language (the screening's own name).</summary>
    private static readonly HashSet<string> SameInEveryLanguage = ["HITS"];

    private static Dictionary<string, string> Resources(string language)
    {
        var file = Path.Combine(WebProject(), "Resources", language == "en" ? "SharedResource.resx" : $"SharedResource.{language}.resx");
        return XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    /// <summary>Every language but English, from the app's own list: a new language is checked without touching a test.</summary>
    public static TheoryData<string> Translations()
    {
        var languages = new TheoryData<string>();
        foreach (var (code, _) in Languages.Supported.Where(l => l.Code != Languages.Default)) languages.Add(code);
        return languages;
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Localization_every_English_string_is_translated(string language)
    {
        var english = Resources("en");
        var translated = Resources(language);

        var missing = english.Keys.Where(k => !translated.TryGetValue(k, out var t) || string.IsNullOrWhiteSpace(t)).ToList();
        var leftInEnglish = english.Where(e => !SameInEveryLanguage.Contains(e.Key) && translated.TryGetValue(e.Key, out var t)
            && t == e.Value).Select(e => e.Key).ToList();
        var stale = translated.Keys.Except(english.Keys).ToList();

        Assert.True(english.Count > 500, "the English resources look truncated");
        Assert.Empty(missing);
        Assert.Empty(leftInEnglish);
        Assert.Empty(stale);
    }

    [Fact]
    public void Localization_no_two_resource_names_differ_only_by_case()
    {
        // Resource names are looked up ignoring case: of two such names one silently wins.
        var clashes = Resources("en").Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();

        Assert.Empty(clashes);
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Localization_placeholders_survive_translation(string language)
    {
        var translated = Resources(language);
        var broken = Resources("en")
            .Where(e => translated.TryGetValue(e.Key, out var t) && Placeholders(t) != Placeholders(e.Value))
            .Select(e => e.Key).ToList();

        Assert.Empty(broken);
    }

    private static string Placeholders(string text) =>
        string.Join(",", Regex.Matches(text, @"\{(\d+)(:[^}]*)?\}").Select(m => m.Groups[1].Value).Distinct().Order());

    [Fact]
    public void Views_carry_no_bare_headings_outside_the_localizer()
    {
        var bare = Directory.GetFiles(Path.Combine(WebProject(), "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"<h[1-3][^>]*>([A-Za-z][^<@]*)</h[1-3]>")
                .Select(m => $"{Path.GetFileName(f)}: {m.Groups[1].Value}"))
            .ToList();

        Assert.Empty(bare);
    }

    /// <summary>Labels.Of(…) for an enum: which enum, and the prefix of its resources.</summary>
    [GeneratedRegex("""public static string Of\((\w+) \w+\) => Text\("(\w+)", \w+\);""")]
    private static partial Regex EnumLabel();

    /// <summary>
    /// Labels falls back silently (to the type's "_" word, then to the code name): a value added to an enum later
    /// must bring its own word, so every value of every labelled enum has its <c>Type.Value</c> resource.
    /// </summary>
    [Fact]
    public void Localization_every_value_of_a_labelled_enum_has_its_own_English_resource()
    {
        var english = Resources("en");
        var enums = typeof(Shelter.Core.Beds.BedState).Assembly.GetTypes().Concat(typeof(SharedResource).Assembly.GetTypes())
            .Where(t => t.IsEnum).ToLookup(t => t.Name);
        var labelled = EnumLabel().Matches(File.ReadAllText(Path.Combine(WebProject(), "Features", "Shared", "Labels.cs")))
            .Select(m => (Type: enums[m.Groups[1].Value].Single(), Prefix: m.Groups[2].Value)).ToList();

        var missing = labelled.SelectMany(l => Enum.GetNames(l.Type).Select(v => $"{l.Prefix}.{v}"))
            .Where(key => !english.TryGetValue(key, out var word) || string.IsNullOrWhiteSpace(word)).ToList();

        Assert.True(labelled.Count > 20, $"only {labelled.Count} labelled enums found in Labels.cs");
        Assert.True(missing.Count == 0, "enum values without their own word:\n" + string.Join("\n", missing));
    }
}
