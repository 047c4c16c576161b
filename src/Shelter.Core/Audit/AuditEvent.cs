namespace Shelter.Core.Audit;

/// <summary>
/// One view or change of a record, append-only. Holds ids, never names or content,
/// so the audit trail itself leaks nothing.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? Role { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Ip { get; set; }
    /// <summary>Which fields changed (names, never values), or what an account's roles and sites were and became.</summary>
    public string? Details { get; set; }
}

public static class AuditActions
{
    public const string Viewed = "Viewed";
    public const string Created = "Created";
    public const string Changed = "Changed";
    public const string Deleted = "Deleted";
    public const string Exported = "Exported";
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string SignedOut = "SignedOut";
}
