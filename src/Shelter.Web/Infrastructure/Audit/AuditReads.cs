using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Infrastructure.Audit;

/// <summary>
/// A page that shows residents' data without one record id (a list, the board, the worklist):
/// each successful view is audit-logged as <paramref name="what"/>, with the id from
/// <paramref name="argument"/> when given, otherwise <see cref="Which"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AuditsViewAttribute(string what, string? argument = null) : Attribute
{
    public string What { get; } = what;
    public string? Argument { get; } = argument;
    public string Which { get; init; } = "list";
}

/// <summary>A page that shows no resident's data (sites, partners, accounts, forms to start something).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ShowsNoResidentDataAttribute : Attribute;

/// <summary>
/// Audit of reads by construction: after a page was shown (not a 404, a redirect or a refusal),
/// every record its <see cref="ReachesAttribute"/>s name is logged as viewed, and whatever its
/// <see cref="AuditsViewAttribute"/>s say. A test fails if a page declares neither, nor
/// <see cref="ShowsNoResidentDataAttribute"/>.
/// </summary>
public sealed class AuditReadsFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var arguments = new Dictionary<string, object?>(context.ActionArguments);
        var executed = await next();
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) || executed.Exception is not null && !executed.ExceptionHandled
            || !Shown(executed)) return;

        var metadata = context.ActionDescriptor.EndpointMetadata;
        var views = metadata.OfType<ReachesAttribute>()
            .Where(r => EntityOf(r.Record) is not null)
            .Select(r => (What: EntityOf(r.Record)!, Id: ActionArguments.Value(arguments, r.Argument)?.ToString()))
            .Where(v => v.Id is not null)
            .Concat(metadata.OfType<AuditsViewAttribute>()
                .Select(v => (v.What, Id: v.Argument is null ? v.Which : ActionArguments.Value(arguments, v.Argument)?.ToString())))
            .Distinct().ToList();
        if (views.Count == 0) return;
        var audit = http.RequestServices.GetRequiredService<AuditLog>();
        foreach (var (what, id) in views) await audit.ViewedAsync(what, id);
        // Views go through the queue; anything else a page left pending is saved as it always was.
        var db = http.RequestServices.GetRequiredService<ShelterDbContext>();
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(CancellationToken.None);
    }

    private static bool Shown(ActionExecutedContext executed) =>
        executed.HttpContext.Response.StatusCode < 400 && executed.Result is ViewResult or PartialViewResult or FileResult or ContentResult
            or ObjectResult { StatusCode: null or < 300 } or EmptyResult
        && executed.Result is not IStatusCodeActionResult { StatusCode: >= 300 };

    /// <summary>The audit trail's name for a record kind; beds and holds are the site's, not a resident's.</summary>
    public static string? EntityOf(Record record) => record switch
    {
        Record.Resident => "Resident",
        Record.Stay => "Stay",
        Record.Intake => "Intake",
        Record.Programme => "MedicationProgramme",
        Record.FollowUp => "FollowUp",
        Record.Child => "Child",
        Record.Session => "CounsellingSession",
        Record.Document => "DocumentRecovery",
        _ => null,
    };
}

public static class ActionArguments
{
    /// <summary>"id" is an action argument; "form.ResidentId" a property of a bound form.</summary>
    public static object? Value(IDictionary<string, object?> arguments, string path)
    {
        var parts = path.Split('.');
        if (!arguments.TryGetValue(parts[0], out var value)) return null;
        foreach (var property in parts.Skip(1))
            value = value?.GetType().GetProperty(property)?.GetValue(value);
        return value;
    }
}
