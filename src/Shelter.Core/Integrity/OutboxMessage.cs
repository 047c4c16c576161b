namespace Shelter.Core.Integrity;

/// <summary>What must follow a change once it has committed: an email, a continuity check, a waiting-list notice.</summary>
public enum OutboxKind
{
    Email = 1,
    ContinuityCheck = 2,
    WaitingListNotice = 3,
}

/// <summary>
/// Work that follows a change, written in the change's own transaction so that neither exists
/// without the other. A job delivers it after the commit, again at start, and with back-off
/// after a failure; it is done only when it has run (an email: when the SMTP server accepted it).
/// Carries ids, and for an email its recipient (a staff address), subject and body, which never
/// hold resident data.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public OutboxKind Kind { get; set; }
    /// <summary>The record it is about (a resident's id for a continuity check), never a name.</summary>
    public int? SubjectId { get; set; }
    public string? To { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>A delivery in progress holds the message until then, so two workers never send it twice at once.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    /// <summary>The kind of the last failure (an exception type), never its message, which may quote an address.</summary>
    public string? LastError { get; set; }
    public DateTime? DoneAt { get; set; }

    /// <summary>Waits 1, 2, 4 … minutes between tries, at most an hour.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}
