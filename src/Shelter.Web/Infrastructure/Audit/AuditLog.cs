using System.Security.Claims;
using Shelter.Core.Audit;
using Shelter.Core.Data;

namespace Shelter.Web.Infrastructure.Audit;

/// <summary>
/// The one place that writes the audit trail. A change is recorded in the same
/// SaveChanges as the change itself; a view goes to the <see cref="ViewsToAudit"/>.
/// </summary>
public sealed class AuditLog(ShelterDbContext db, IHttpContextAccessor http, TimeProvider clock, ViewsToAudit views)
{
    /// <summary>Adds an event to be saved with the caller's next SaveChanges.</summary>
    public void Record(string action, string entityType, object? entityId, string? details = null) =>
        db.AuditEvents.Add(Event(action, entityType, entityId, details));

    private AuditEvent Event(string action, string entityType, object? entityId, string? details = null)
    {
        var ctx = http.HttpContext;
        var user = ctx?.User;
        return new AuditEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            Role = user is null ? null : string.Join(",", user.FindAll(ClaimTypes.Role).Select(c => c.Value)),
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Ip = ctx?.Connection.RemoteIpAddress?.ToString(),
            Details = details,
        };
    }

    /// <summary>Records that someone looked at a record: queued for the one writer of views, not saved by this request.</summary>
    public ValueTask ViewedAsync(string entityType, object? entityId)
    {
        // A page kept for her records its views again each time it is served (Caching.PageCache).
        http.HttpContext?.Features.Get<Caching.ViewsOnThisPage>()?.Add(entityType, entityId?.ToString());
        return views.EnqueueAsync(Event(AuditActions.Viewed, entityType, entityId));
    }

    /// <summary>Records a sign-in event for a user who is not on the request principal yet.</summary>
    public async Task SignInEventAsync(string action, string? userId, CancellationToken ct = default)
    {
        var ctx = http.HttpContext;
        db.AuditEvents.Add(new AuditEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            Action = action,
            EntityType = "Account",
            EntityId = userId,
            Ip = ctx?.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(ct);
    }
}
