using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Shelter.Web.Infrastructure.Localization;

/// <summary>
/// Handlers say what went wrong in English (the resource key); before a form is drawn again each
/// message is put in the reader's language. A message without a resource is shown as it is.
/// </summary>
public sealed class LocalizedModelErrorsFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not ViewResult || context.ModelState.ErrorCount == 0) return;
        var L = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        foreach (var entry in context.ModelState.Values)
            for (var i = 0; i < entry.Errors.Count; i++)
                if (entry.Errors[i] is { Exception: null } error && L[error.ErrorMessage] is { ResourceNotFound: false } said
                    && said.Value != error.ErrorMessage)
                    entry.Errors[i] = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelError(said.Value);
    }

    public void OnResultExecuted(ResultExecutedContext context) { }
}
