using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Shelter.Web.Infrastructure.Integrity;

/// <summary>Every form that posts carries a fresh one-time key; see <see cref="WriteTransactionFilter"/>.</summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class SubmissionKeyTagHelper : TagHelper
{
    public string? Method { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("method", Method);
        if (!string.Equals(Method, "post", StringComparison.OrdinalIgnoreCase)) return;
        output.PostContent.AppendHtml(
            $"<input type=\"hidden\" name=\"{WriteTransactionFilter.FieldName}\" value=\"{SubmissionKey.New()}\" />");
    }
}
