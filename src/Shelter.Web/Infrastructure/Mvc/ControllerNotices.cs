using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Shelter.Web.Infrastructure.Mvc;

/// <summary>The one-line outcome a page shows after a POST-redirect-GET: a notice, or what went wrong.</summary>
public static class ControllerNotices
{
    public static void Tell(this Controller controller, string? error, string notice)
    {
        if (error is null) controller.TempData["Notice"] = notice;
        else controller.TempData["Error"] = error;
    }

    public static string FirstError(this ModelStateDictionary modelState) =>
        modelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault() ?? "Something in the form is not right.";
}
