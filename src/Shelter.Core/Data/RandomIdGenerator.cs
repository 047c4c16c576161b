using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace Shelter.Core.Data;

/// <summary>A random positive id, for rows whose insertion order must not be readable from their ids.</summary>
public sealed class RandomIdGenerator : ValueGenerator<int>
{
    public override bool GeneratesTemporaryValues => false;
    public override int Next(EntityEntry entry) => RandomNumberGenerator.GetInt32(1, int.MaxValue);
}
