namespace Shelter.Core.Notices;

/// <summary>
/// An email that went out, by a key that names what it was about. A job that runs twice finds
/// the key and sends nothing: Hangfire delivers at least once, people should hear once.
/// </summary>
public class SentNotice
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public DateTime SentAt { get; set; }
    public int Recipients { get; set; }
}
