using NetArchTest.Rules;
using Shelter.Web.Features;

namespace Shelter.Web.Tests.Foundation;

/// <summary>
/// Feature folders stand side by side: none uses another. What several need (placement, the bed
/// states, the waiting-list notice, links, moving a household) lives in Shelter.Web.Housing; what
/// every page needs lives in Features/Shared, which uses no feature. Checked on the compiled code
/// (every type reference, method bodies included), so a new circle fails the build's tests.
/// </summary>
public class ArchitectureTests
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
        var result = Types.InAssembly(Web).That().ResideInNamespace("Shelter.Web.Features.Shared").ShouldNot().HaveDependencyOnAny(features).GetResult();
        Assert.True(result.IsSuccessful, $"Features/Shared uses a feature folder in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_housing_core_uses_no_feature_folder()
    {
        var features = Features.Where(f => !f.EndsWith(".Shared", StringComparison.Ordinal)).ToArray();
        var result = Types.InAssembly(Web).That().ResideInNamespace("Shelter.Web.Housing").ShouldNot().HaveDependencyOnAny(features).GetResult();
        Assert.True(result.IsSuccessful, $"Housing uses a feature folder in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
