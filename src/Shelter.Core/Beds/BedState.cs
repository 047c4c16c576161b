namespace Shelter.Core.Beds;

public enum BedState
{
    Free = 1,
    Held = 2,
    Occupied = 3,
    OutOfService = 4,
}
