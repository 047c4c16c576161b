namespace Shelter.Core.Residents;

/// <summary>Optional, and asked only to keep a family together: some rooms and partners take boys only up to an age.</summary>
public enum ChildSex
{
    Girl = 1,
    Boy = 2,
}
