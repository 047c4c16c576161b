using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelter.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CounsellingRoomClash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The model changes of CareDecisions are in that migration; this one brings the database's
            // own clash guard up to rooms that belong to a site: the same room is the same room id, or
            // (for sessions booked before rooms had sites) the same name.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CounsellingSessions_NoClash_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CounsellingSessions_NoClash_Update;");
            foreach (var (name, when) in new[] { ("Insert", "INSERT"), ("Update", "UPDATE OF StartsAt, EndsAt, Room, CounsellingRoomId, CounsellorUserId, CounsellorName, ChildId, CancelledAt") })
                migrationBuilder.Sql($"""
                    CREATE TRIGGER CounsellingSessions_NoClash_{name} BEFORE {when} ON CounsellingSessions
                    WHEN NEW.CancelledAt IS NULL AND EXISTS (
                        SELECT 1 FROM CounsellingSessions o
                        WHERE o.Id <> NEW.Id AND o.CancelledAt IS NULL AND o.StartsAt < NEW.EndsAt AND NEW.StartsAt < o.EndsAt
                          AND (o.ChildId = NEW.ChildId
                               OR (NEW.CounsellingRoomId IS NOT NULL AND o.CounsellingRoomId = NEW.CounsellingRoomId)
                               OR (NEW.CounsellingRoomId IS NULL AND o.CounsellingRoomId IS NULL AND lower(trim(o.Room)) = lower(trim(NEW.Room)))
                               OR (NEW.CounsellorUserId IS NOT NULL AND o.CounsellorUserId = NEW.CounsellorUserId)
                               OR (NEW.CounsellorUserId IS NULL AND o.CounsellorUserId IS NULL AND lower(trim(o.CounsellorName)) = lower(trim(NEW.CounsellorName)))))
                    BEGIN SELECT RAISE(ABORT, 'counselling session clash'); END;
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CounsellingSessions_NoClash_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CounsellingSessions_NoClash_Update;");
        }
    }
}
