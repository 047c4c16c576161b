namespace Shelter.Core.Integrity;

/// <summary>
/// A form that was sent and saved, by the one-time key the form carried. A double click, a resend
/// or back-and-resend brings the same key again: it finds this row and lands on the first result.
/// </summary>
public class FormSubmission
{
    public required string Key { get; set; }
    public required string UserId { get; set; }
    public DateTime At { get; set; }
    /// <summary>Where the first send went (a local path), or null when it answered with a page of its own.</summary>
    public string? ResultPath { get; set; }
}
