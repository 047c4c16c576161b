using Microsoft.Extensions.Localization;

namespace Shelter.Web.Features.Shared;

/// <summary>
/// What a follow-up Shelter opens by itself asks for. It is stored as its English resource name and shown
/// in the reader's language; what a worker typed is shown as she typed it.
/// </summary>
public static class FollowUpWhat
{
    public const string ReachHer = "Reach her: is a bed still what she needs?";
    public const string RegisterForWork = "Register with the employment service";

    public static IReadOnlyList<string> All { get; } = [ReachHer, RegisterForWork];

    /// <summary>": what" after the kind of follow-up, or nothing when it says no more than its kind.</summary>
    public static string Show(string? what, IStringLocalizer L) =>
        what is null ? "" : ": " + (All.Contains(what) ? L[what].Value : what);
}
