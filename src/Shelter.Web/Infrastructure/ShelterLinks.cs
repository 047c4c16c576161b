namespace Shelter.Web.Infrastructure;

/// <summary>Where links in emails point; every feature that sends a link reads it.</summary>
public sealed class ShelterLinks
{
    private string? _publicUrl;

    /// <summary>
    /// The address staff open Shelter at, for links in emails: <c>Shelter:PublicUrl</c>, or else the
    /// address the server actually listens on (see <see cref="PublicUrlFromServer"/>).
    /// </summary>
    public string PublicUrl
    {
        get => !string.IsNullOrWhiteSpace(_publicUrl) ? _publicUrl : ServedAt?.Invoke() ?? "http://localhost";
        set => _publicUrl = value;
    }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_publicUrl);

    internal Func<string?>? ServedAt { get; set; }
}
