namespace Shelter.Web.Features.Shared;

/// <summary>What a free-text form field stores: trimmed, and nothing rather than blanks.</summary>
public static class FormText
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
