using System.Text.RegularExpressions;
using NetArchTest.Rules;
using Shelter.Web.Features;

namespace Shelter.Web.Tests.Foundation;

/// <summary>
/// Feature folders stand side by side: none uses another. What several need (placement, the bed
/// states, the waiting-list notice, links, moving a household) lives in Shelter.Web.Housing; what
/// every page needs lives in Features/Shared, which uses no feature. Checked on the compiled code
/// (every type reference, method bodies included), so a new circle fails the build's tests.
/// </summary>
public partial class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Web = typeof(FeatureSetup).Assembly;

    private static readonly string[] Features = Web.GetTypes()
        .Select(t => t.Namespace)
        .OfType<string>()
        .Where(ns => ns.StartsWith("Shelter.Web.Features.", StringComparison.Ordinal))
        .Select(ns => string.Join('.', ns.Split('.').Take(4)))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<string> FeatureFolders() => new(Features.Where(f => !f.EndsWith(".Shared", StringComparison.Ordinal)));

    [Fact]
    public void The_feature_folders_are_found()
    {
        Assert.Contains("Shelter.Web.Features.Intake", Features);
        Assert.Contains("Shelter.Web.Features.Stays", Features);
        Assert.True(Features.Length >= 10, string.Join(", ", Features));
    }

    [Theory]
    [MemberData(nameof(FeatureFolders))]
    public void A_feature_folder_uses_no_other_feature_folder(string feature)
    {
        var others = Features.Where(f => f != feature && !f.EndsWith(".Shared", StringComparison.Ordinal)).ToArray();
        var result = Types.InAssembly(Web).That().ResideInNamespace(feature).ShouldNot().HaveDependencyOnAny(others).GetResult();
        Assert.True(result.IsSuccessful, $"{feature} uses another feature folder in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Shared_uses_no_feature_folder()
    {
        var features = Features.Where(f => !f.EndsWith(".Shared", StringComparison.Ordinal)).ToArray();
        var result = Types.InAssembly(Web).That().ResideInNamespace("Shelter.Web.Features.Shared").ShouldNot()
            .HaveDependencyOnAny(features).GetResult();
        Assert.True(result.IsSuccessful, $"Features/Shared uses a feature folder in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_housing_core_uses_no_feature_folder()
    {
        var features = Features.Where(f => !f.EndsWith(".Shared", StringComparison.Ordinal)).ToArray();
        var result = Types.InAssembly(Web).That().ResideInNamespace("Shelter.Web.Housing").ShouldNot().HaveDependencyOnAny(features)
            .GetResult();
        Assert.True(result.IsSuccessful, $"Housing uses a feature folder in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    /// <summary>
    /// The same rule read from the source, views included: the compiled check cannot see a constant
    /// (inlined where it is used) or a view (compiled outside the Features namespaces). No .cs or
    /// .cshtml under Features/X/ names another folder Y, by using or fully qualified (Shared aside).
    /// </summary>
    [Fact]
    public void No_source_file_in_a_feature_folder_names_another_feature_folder()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Shelter.Web", "Features");
        var crossings = Directory.EnumerateDirectories(features)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(file => IsHandWritten(Path.GetRelativePath(features, file)))
                .SelectMany(file => File.ReadLines(file).Select((line, i) => (line, i))
                    .SelectMany(l => FeatureFolderNamed().Matches(l.line).Select(m => m.Groups[1].Value)
                        .Where(named => named != Path.GetFileName(folder) && named != "Shared")
                        .Select(named => $"{Path.GetRelativePath(features, file).Replace('\\', '/')}:{l.i + 1} uses {named}"))))
            .ToList();
        Assert.True(crossings.Count == 0, "A feature folder names another:\n" + string.Join("\n", crossings));
    }

    [Fact]
    public void The_source_scan_sees_usings_imports_and_qualified_names()
    {
        string[] lines = ["using Shelter.Web.Features.Tasks;", "@using Shelter.Web.Features.Tasks", "What = Features.Tasks.X.Y,",
            "@model Shelter.Web.Features.Tasks.Page", "using Shelter.Web.Features;", "context.Features.Get<T>()"];
        Assert.Equal(["Tasks", "Tasks", "Tasks", "Tasks"],
            lines.SelectMany(l => FeatureFolderNamed().Matches(l).Select(m => m.Groups[1].Value)));
    }

    [GeneratedRegex(@"\bFeatures\.([A-Z]\w*)(?![\w<(])")]
    private static partial Regex FeatureFolderNamed();

    public const int MaxLineLength = 140;

    /// <summary>
    /// Every line of C# and Razor in src/, tests/ and bench/ fits in 140 characters (migrations,
    /// build output, designer and generated files aside). The failure lists each long line. A line
    /// holding nothing but one resource name, itself over 140, is the one exception: the name is the
    /// key in Resources/*.resx and cannot be broken.
    /// </summary>
    [Fact]
    public void No_line_is_longer_than_140_characters()
    {
        var root = RepositoryRoot();
        var longLines = new[] { "src", "tests", "bench" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(file => IsHandWritten(Path.GetRelativePath(root, file)))
            .SelectMany(file => File.ReadLines(file)
                .Select((line, i) => (File: Path.GetRelativePath(root, file).Replace('\\', '/'), Line: i + 1, Text: line)))
            .Where(l => l.Text.Length > MaxLineLength && !IsUnbreakableResourceName(l.Text.Trim()))
            .Select(l => $"{l.File}:{l.Line} ({l.Text.Length})")
            .ToList();
        Assert.True(longLines.Count == 0, $"{longLines.Count} lines over {MaxLineLength} characters:\n" + string.Join("\n", longLines));
    }

    /// <summary>@L["…"] alone on its line, or followed by a comma when arguments come on the next.</summary>
    [GeneratedRegex("""^@?L\["(?:[^"\\]|\\.)*"[\],]$""")]
    private static partial Regex ResourceNameAlone();

    // A shorter name that is too long only with its indentation is to be indented less instead.
    private static bool IsUnbreakableResourceName(string trimmed) =>
        trimmed.Length > MaxLineLength && ResourceNameAlone().IsMatch(trimmed);

    public const int MaxMethodLines = 50;

    /// <summary>
    /// No method in src/ or bench/ runs over 50 lines from its signature to its closing brace: a long
    /// one is split into steps named in the shelter's words. Seeders and the demo data (long lists of
    /// made-up records) aside, as are migrations and build output. Found by <see cref="MethodLengths"/>.
    /// </summary>
    [Fact]
    public void No_method_is_longer_than_50_lines()
    {
        var root = RepositoryRoot();
        var demo = Path.Combine("Infrastructure", "Demo");
        var longMethods = new[] { "src", "bench" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(root, file))
            .Where(path => IsHandWritten(path) && !Path.GetFileName(path).Contains("Seeder", StringComparison.Ordinal)
                && !path.Contains(demo, StringComparison.Ordinal))
            .SelectMany(path => MethodLengths.Methods(File.ReadAllText(Path.Combine(root, path)))
                .Where(m => m.Lines > MaxMethodLines)
                .Select(m => $"{path.Replace('\\', '/')}:{m.Line} {m.Name} ({m.Lines})"))
            .ToList();
        Assert.True(longMethods.Count == 0, $"{longMethods.Count} methods over {MaxMethodLines} lines:\n" + string.Join("\n", longMethods));
    }

    /// <summary>The scanner sees through strings and comments, and finds a long method where it is.</summary>
    [Fact]
    public void The_method_scanner_counts_code_braces_only()
    {
        var body = string.Join("\n", Enumerable.Range(0, 70).Select(i => $"        var x{i} = $\"{{{{ {{i}} }}\"; // }}"));
        var source = "class C\n{\n    private static void Long()\n    {\n" + body + "\n        var s = \"}\";\n    }\n"
            + "    public int Short() { return '}' == '{' ? 1 : 0; }\n}\n";

        var methods = MethodLengths.Methods(source).ToList();

        Assert.Equal(new[] { ("Long", 3, 74), ("Short", 77, 1) }, methods.Select(m => (m.Name, m.Line, m.Lines)));
    }

    private static bool IsHandWritten(string path)
    {
        if (!path.EndsWith(".cs", StringComparison.Ordinal) && !path.EndsWith(".cshtml", StringComparison.Ordinal)) return false;
        var name = Path.GetFileName(path);
        if (name.EndsWith(".Designer.cs", StringComparison.Ordinal) || name.EndsWith(".g.cs", StringComparison.Ordinal)
            || name.EndsWith(".generated.cs", StringComparison.Ordinal)) return false;
        string[] skipped = ["obj", "bin", "migrations", "out", "node_modules"];
        return !path.Split(Path.DirectorySeparatorChar).Any(part => skipped.Contains(part, StringComparer.OrdinalIgnoreCase));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Shelter.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Shelter.sln not found above the test output");
    }
}
