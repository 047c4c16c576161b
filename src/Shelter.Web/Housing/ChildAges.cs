using Shelter.Core.Residents;
using Shelter.Core.Text;

namespace Shelter.Web.Housing;

/// <summary>Her children's ages (and which are boys) as staff type them at intake and check-in.</summary>
public static class ChildAges
{
    /// <summary>Boys by age among the children; the rest are girls once her sons are named, not said otherwise.</summary>
    public static IReadOnlyList<ChildSex?> SexesOf(IReadOnlyList<int> ages, string? sonsAges)
    {
        if (string.IsNullOrWhiteSpace(sonsAges)) return ages.Select(_ => (ChildSex?)null).ToList();
        var sons = Parse(sonsAges, out var error);
        if (error is not null) return ages.Select(_ => (ChildSex?)null).ToList();
        return ages.Select(age => sons.Remove(age) ? ChildSex.Boy : (ChildSex?)ChildSex.Girl).ToList();
    }

    /// <summary>"10, 4" → [10, 4]; ages 0 to 17, at most ten children.</summary>
    public static List<int> Parse(string? text, out Said? error)
    {
        error = null;
        var ages = new List<int>();
        if (string.IsNullOrWhiteSpace(text)) return ages;
        foreach (var part in text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, out var age) || age is < 0 or > 17)
            {
                error = new Said("\"{0}\" is not a child's age: give ages from 0 to 17, separated by commas.", part);
                return [];
            }
            ages.Add(age);
        }
        if (ages.Count > 10) error = new Said("List at most ten children.");
        return ages;
    }
}
