using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Shelter.Web.Infrastructure.Mvc;

/// <summary>
/// Views live beside their controller: Features/&lt;Feature&gt;/&lt;View&gt;.cshtml, where the
/// feature is the last part of the controller's namespace.
/// </summary>
public sealed class FeatureFolderExpander : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            var ns = action.ControllerTypeInfo.Namespace ?? "";
            context.Values["feature"] = ns[(ns.LastIndexOf('.') + 1)..];
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        var feature = context.Values.TryGetValue("feature", out var f) ? f : null;
        if (feature is not null) yield return $"/Features/{feature}/{{0}}.cshtml";
        yield return "/Features/Shared/{0}.cshtml";
    }
}
