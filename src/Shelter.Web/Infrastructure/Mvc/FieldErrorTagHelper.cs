using System.Net;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Shelter.Web.Infrastructure.Mvc;

/// <summary>
/// A field the server refused says so next to itself: marked invalid, with its message right after it and
/// tied to it by aria-describedby, so a screen reader reads the error with the field. The forms write their
/// fields by hand (name="..."), so this works from ModelState rather than from asp-for.
/// </summary>
[HtmlTargetElement("input", Attributes = "name")]
[HtmlTargetElement("select", Attributes = "name")]
[HtmlTargetElement("textarea", Attributes = "name")]
public sealed class FieldErrorTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = output.Attributes["name"]?.Value?.ToString();
        if (string.IsNullOrEmpty(name) || output.Attributes["type"]?.Value?.ToString() == "hidden") return;
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0) return;

        output.Attributes.SetAttribute("aria-invalid", "true");
        output.AddClass("is-invalid", HtmlEncoder);
        var id = output.Attributes["id"]?.Value?.ToString();
        // One message per field name: a group of checkboxes shares a name, its first box carries it.
        var shown = ViewContext.HttpContext.Items;
        if (id is null || shown.ContainsKey("field-error:" + name)) return;
        shown["field-error:" + name] = true;

        var errorId = id + "-error";
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? errorId : describedBy + " " + errorId);
        var messages = string.Join(" ", entry.Errors.Select(e => WebUtility.HtmlEncode(e.ErrorMessage)));
        output.PostElement.AppendHtml($"<div class=\"invalid-feedback d-block field-error\" id=\"{errorId}\">{messages}</div>");
    }

    private static readonly System.Text.Encodings.Web.HtmlEncoder HtmlEncoder = System.Text.Encodings.Web.HtmlEncoder.Default;
}
