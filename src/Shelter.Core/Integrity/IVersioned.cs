namespace Shelter.Core.Integrity;

/// <summary>
/// A record two workers may change at once (a stay, a hold, a follow-up, a medication programme,
/// a consent, a counselling session). Every save adds one to its version and saves only where the
/// version is still the one that was read, so the second of two changes fails instead of
/// silently overwriting the first.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
