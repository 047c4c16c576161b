using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Shelter.Core.Data;
using Shelter.Core.Integrity;

namespace Shelter.Web.Infrastructure.Integrity;

/// <summary>
/// Forms about the worker's own session (sign-in, two-factor, password): they save as they go,
/// because a refused sign-in must still count towards the lockout, and need no one-time key.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SessionFormAttribute : Attribute;

/// <summary>
/// One state change, one transaction, one winner. Every POST runs inside one database
/// transaction (on SQLite an IMMEDIATE one, so a read-then-write cannot interleave with another
/// worker's; on PostgreSQL a read-committed one in which allocations lock what they read), committed only when the action succeeded; a
/// failed action changes nothing.
/// Every form carries a one-time key (<see cref="SubmissionKeyTagHelper"/>): the first send that
/// succeeds stores it with where it led, and a double click, a resend or back-and-resend finds it
/// and lands on that first result instead of doing the work twice. A change that lost a race
/// to another worker's (a version that moved on) answers with what happened, never a 500.
/// </summary>
public sealed class WriteTransactionFilter : IAsyncActionFilter
{
    public const string FieldName = "__SubmissionKey";
    // Notices are resource keys: the layout says them in the reader's language.
    public const string AlreadySent = "This was already saved: the form was sent twice. Here is what the first send did.";
    public const string ChangedMeanwhile =
        "Another worker changed this record at the same moment; nothing of yours was saved. "
        + "Here is how it stands now — check it and try again if still needed.";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (RunsWithoutTransaction(context))
        {
            await next();
            return;
        }
        var db = http.RequestServices.GetRequiredService<ShelterDbContext>();
        var key = await SubmissionKeyOfAsync(http);
        if (!SubmissionKey.IsWellFormed(key))
        {
            context.Result = new BadRequestResult(); // the error page asks her to reload and send again
            return;
        }

        using var turn = await http.RequestServices.GetRequiredService<WriteGate>().EnterAsync(db.Database, http.RequestAborted);
        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        // PostgreSQL has no IMMEDIATE: two sends of one form (two nodes, a double click) wait for each
        // other on the key instead, so the second finds the first's row. Allocations lock their beds (BedLock).
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", http.RequestAborted);
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (await db.FormSubmissions.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, http.RequestAborted) is { } first)
        {
            // The same form again: show the first result, whoever's key it claims to be.
            context.Result = first.UserId == userId && first.ResultPath is { } path
                ? Notice(context, new LocalRedirectResult(path), AlreadySent)
                : new ConflictObjectResult(http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[AlreadySent].Value);
            return;
        }

        var executed = await next();
        await FinishAsync(context, executed, db, tx, key, userId);
    }

    /// <summary>
    /// A read changes nothing, a session form saves as it goes (a refused sign-in still counts), and
    /// the error page re-runs a POST that was already refused.
    /// </summary>
    private static bool RunsWithoutTransaction(ActionExecutingContext context)
    {
        var http = context.HttpContext;
        return HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || context.ActionDescriptor.EndpointMetadata.OfType<SessionFormAttribute>().Any()
            // the error page for a refused POST
            || http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
    }

    /// <summary>The form's one-time key, or "" when there is none or the form cannot be read.</summary>
    private static async Task<string> SubmissionKeyOfAsync(HttpContext http)
    {
        try { return http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(http.RequestAborted))[FieldName].ToString() : ""; }
        catch (InvalidDataException) { return ""; } // a form the server cannot read (null characters): a bad request, not a 500
    }

    /// <summary>
    /// After the action: a lost race rolls back and says what happened, a failure rolls back, a
    /// success stores the one-time key with where it led and commits, both in the one transaction.
    /// </summary>
    private static async Task FinishAsync(ActionExecutingContext context, ActionExecutedContext executed, ShelterDbContext db,
        IDbContextTransaction tx, string key, string userId)
    {
        var http = context.HttpContext;
        if (executed.Exception is DbUpdateConcurrencyException && !executed.ExceptionHandled)
        {
            executed.ExceptionHandled = true;
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var back = http.Request.Path.Value is { } p && Url.IsLocal(p) ? StripAction(p) : "/";
            executed.Result = Notice(context, new LocalRedirectResult(back), ChangedMeanwhile, error: true);
            return;
        }
        if (executed.Exception is not null && !executed.ExceptionHandled) return; // disposed: rolled back
        if (!Succeeded(executed))
        {
            await tx.RollbackAsync(CancellationToken.None);
            return;
        }
        db.FormSubmissions.Add(new FormSubmission
        {
            Key = key, UserId = userId, At = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            ResultPath = ResultPath(executed.Result),
        });
        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
    }

    private static bool Succeeded(ActionExecutedContext executed) =>
        executed.ModelState.IsValid && executed.HttpContext.Response.StatusCode < 400 && executed.Result switch
        {
            IStatusCodeActionResult { StatusCode: >= 400 } => false,
            _ => true,
        };

    private static string? ResultPath(IActionResult? result) => result switch
    {
        RedirectResult r when Url.IsLocal(r.Url) => r.Url,
        LocalRedirectResult r => r.Url,
        _ => null,
    };

    /// <summary>"/stays/5/check-out" → "/stays/5": the record's own page shows how it stands now.</summary>
    private static string StripAction(string path)
    {
        var cut = path.TrimEnd('/').LastIndexOf('/');
        return cut > 0 && !char.IsDigit(path.TrimEnd('/')[^1]) ? path[..cut] : path;
    }

    private static IActionResult Notice(FilterContext context, IActionResult result, string text, bool error = false)
    {
        var tempData = context.HttpContext.RequestServices.GetRequiredService<ITempDataDictionaryFactory>()
            .GetTempData(context.HttpContext);
        tempData[error ? "Error" : "Notice"] = text;
        return result;
    }

    private static class Url
    {
        public static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal);
    }
}

public static class SubmissionKey
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsWellFormed(string? key) => key is { Length: >= 16 and <= 64 } && key.All(char.IsAsciiLetterOrDigit);
}

public static class TransactionExtensions
{
    /// <summary>
    /// Joins the request's transaction when there is one (every POST has one), otherwise begins
    /// its own; only the one who began it commits or rolls back.
    /// </summary>
    public static async Task<IDbContextTransaction> JoinOrBeginTransactionAsync(this DatabaseFacade database, CancellationToken ct) =>
        database.CurrentTransaction is { } current ? new Joined(current) : await database.BeginTransactionAsync(ct);

    private sealed class Joined(IDbContextTransaction outer) : IDbContextTransaction
    {
        public Guid TransactionId => outer.TransactionId;
        public void Commit() { }
        public Task CommitAsync(CancellationToken ct = default) => Task.CompletedTask;
        public void Rollback() { }
        public Task RollbackAsync(CancellationToken ct = default) => Task.CompletedTask; // the outer one decides
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
