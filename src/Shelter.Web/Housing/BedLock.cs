using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;

namespace Shelter.Web.Housing;

/// <summary>
/// An allocation reads which beds are free and then writes a stay or a hold: two of them must not
/// both read the same free bed. On SQLite the request's IMMEDIATE transaction already lets one
/// writer in at a time. On PostgreSQL (several nodes, one database) the allocation locks the bed
/// rows it reads, in one order, until its transaction ends; the next allocation then reads what
/// this one wrote. The unique indexes on active stays and open holds stay behind it.
/// </summary>
public static class BedLock
{
    public static async Task TakeAsync(ShelterDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Bed locks are taken inside the allocation's transaction.");
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("""SELECT 1 FROM "Beds" ORDER BY "Id" FOR UPDATE""", ct);
    }
}
