using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Shelter.Web.Infrastructure.Mvc;

/// <summary>
/// Yes/no fields. MVC's own binder keeps a value like "abc" as the attempted value, and the
/// checkbox tag helper then throws while drawing the form again: a 500 for a typo or a scanner
/// (wapiti found it on the site form). Here an unreadable value is a plain "no" with a message.
/// </summary>
public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new CheckboxBinder(context.Metadata.IsReferenceOrNullableType) : null;
}

public sealed class CheckboxBinder(bool nullable) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var posted = context.ValueProvider.GetValue(context.ModelName);
        if (posted == ValueProviderResult.None) return Task.CompletedTask;
        var first = posted.FirstValue;
        if (string.IsNullOrWhiteSpace(first) && nullable)
        {
            context.ModelState.SetModelValue(context.ModelName, posted);
            context.Result = ModelBindingResult.Success(null);
        }
        else if (bool.TryParse(first, out var value))
        {
            context.ModelState.SetModelValue(context.ModelName, posted);
            context.Result = ModelBindingResult.Success(value);
        }
        else
        {
            context.ModelState.SetModelValue(context.ModelName, new ValueProviderResult("false"));
            // Said at the top of the form: most forms show only their summary for yes/no boxes.
            context.ModelState.TryAddModelError("", "A yes/no box held something else: tick the box or leave it empty.");
            context.Result = ModelBindingResult.Failed();
        }
        return Task.CompletedTask;
    }
}
