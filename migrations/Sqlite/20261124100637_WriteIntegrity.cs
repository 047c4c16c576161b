using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelter.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WriteIntegrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stays_ChildId",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Barriers");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Stays",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "MedicationProgrammes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "FollowUps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CounsellingSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Consents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "BedHolds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Details",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FormSubmissions",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResultPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormSubmissions", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "UX_Stays_OneActiveStayPerChild",
                table: "Stays",
                column: "ChildId",
                unique: true,
                filter: "\"EndedAt\" IS NULL AND \"ChildId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UX_Stays_OneActiveStayPerWoman",
                table: "Stays",
                column: "ResidentId",
                unique: true,
                filter: "\"EndedAt\" IS NULL AND \"ChildId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_At",
                table: "FormSubmissions",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_DoneAt_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "DoneAt", "NextAttemptAt" });

            // The barrier log keeps weeks, not days, and ids that do not follow the order of intakes.
            migrationBuilder.Sql("UPDATE Barriers SET \"On\" = date(\"On\", '-' || ((CAST(strftime('%w', \"On\") AS INTEGER) + 6) % 7) || ' days');");
            migrationBuilder.Sql("UPDATE Barriers SET Id = -Id;");
            migrationBuilder.Sql("UPDATE Barriers SET Id = 1 + abs(random() % 2147483646);");

            // A counselling clash is refused by the database too, not only by the check before it.
            foreach (var (name, when) in new[] { ("Insert", "INSERT"), ("Update", "UPDATE OF StartsAt, EndsAt, Room, CounsellorUserId, CounsellorName, ChildId, CancelledAt") })
                migrationBuilder.Sql($"""
                    CREATE TRIGGER CounsellingSessions_NoClash_{name} BEFORE {when} ON CounsellingSessions
                    WHEN NEW.CancelledAt IS NULL AND EXISTS (
                        SELECT 1 FROM CounsellingSessions o
                        WHERE o.Id <> NEW.Id AND o.CancelledAt IS NULL AND o.StartsAt < NEW.EndsAt AND NEW.StartsAt < o.EndsAt
                          AND (o.ChildId = NEW.ChildId
                               OR lower(trim(o.Room)) = lower(trim(NEW.Room))
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
            migrationBuilder.DropTable(
                name: "FormSubmissions");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropIndex(
                name: "UX_Stays_OneActiveStayPerChild",
                table: "Stays");

            migrationBuilder.DropIndex(
                name: "UX_Stays_OneActiveStayPerWoman",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "MedicationProgrammes");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CounsellingSessions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "BedHolds");

            migrationBuilder.DropColumn(
                name: "Details",
                table: "AuditEvents");

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "Barriers",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateIndex(
                name: "IX_Stays_ChildId",
                table: "Stays",
                column: "ChildId");
        }
    }
}
