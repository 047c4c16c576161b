using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelter.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CareDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AcceptsWithoutDocuments",
                table: "Partners",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastContactAt",
                table: "WaitingList",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HouseholdAcrossRoomsByHerChoice",
                table: "Stays",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "FamilyUnit",
                table: "Rooms",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AcceptanceConfirmedOn",
                table: "Partners",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AcceptsArt",
                table: "Partners",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AcceptsChildren",
                table: "Partners",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AcceptsDrugUse",
                table: "Partners",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AcceptsOst",
                table: "Partners",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AcceptsTransWomen",
                table: "Partners",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AcceptsWheelchair",
                table: "Partners",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BoysUpToAge",
                table: "Partners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OpenDays",
                table: "Partners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UsualSupplyDays",
                table: "MedicationProgrammes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CounsellingRoomId",
                table: "CounsellingSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sex",
                table: "Children",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CounsellingRooms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounsellingRooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CounsellingRooms_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The old flags said only "known to accept": a set flag becomes Yes (1), anything else Not known (0).
            migrationBuilder.Sql(@"UPDATE Partners SET
                AcceptsDrugUse = CASE WHEN (Accepts & 1) <> 0 THEN 1 ELSE 0 END,
                AcceptsOst = CASE WHEN (Accepts & 2) <> 0 THEN 1 ELSE 0 END,
                AcceptsArt = CASE WHEN (Accepts & 4) <> 0 THEN 1 ELSE 0 END,
                AcceptsChildren = CASE WHEN (Accepts & 8) <> 0 THEN 1 ELSE 0 END,
                AcceptsWithoutDocuments = CASE WHEN (Accepts & 16) <> 0 THEN 1 ELSE 0 END,
                AcceptsTransWomen = CASE WHEN (Accepts & 32) <> 0 THEN 1 ELSE 0 END,
                AcceptsWheelchair = CASE WHEN (Accepts & 64) <> 0 THEN 1 ELSE 0 END;");

            migrationBuilder.DropColumn(
                name: "Accepts",
                table: "Partners");

            migrationBuilder.CreateTable(
                name: "IntakeProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IntakeId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Outreach = table.Column<bool>(type: "INTEGER", nullable: false),
                    Fits = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NotKnown = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntakeProposals_Intakes_IntakeId",
                        column: x => x.IntakeId,
                        principalTable: "Intakes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntakeProposals_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WaitingContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WaitingEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reached = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitingContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaitingContacts_WaitingList_WaitingEntryId",
                        column: x => x.WaitingEntryId,
                        principalTable: "WaitingList",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CounsellingRooms_SiteId_Name",
                table: "CounsellingRooms",
                columns: new[] { "SiteId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntakeProposals_IntakeId_Rank",
                table: "IntakeProposals",
                columns: new[] { "IntakeId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntakeProposals_PartnerId",
                table: "IntakeProposals",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitingContacts_WaitingEntryId_At",
                table: "WaitingContacts",
                columns: new[] { "WaitingEntryId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CounsellingRooms");

            migrationBuilder.DropTable(
                name: "IntakeProposals");

            migrationBuilder.AddColumn<int>(
                name: "Accepts",
                table: "Partners",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
            migrationBuilder.Sql(@"UPDATE Partners SET Accepts =
                (CASE WHEN AcceptsDrugUse = 1 THEN 1 ELSE 0 END) + (CASE WHEN AcceptsOst = 1 THEN 2 ELSE 0 END) + (CASE WHEN AcceptsArt = 1 THEN 4 ELSE 0 END)
                + (CASE WHEN AcceptsChildren = 1 THEN 8 ELSE 0 END) + (CASE WHEN AcceptsWithoutDocuments = 1 THEN 16 ELSE 0 END)
                + (CASE WHEN AcceptsTransWomen = 1 THEN 32 ELSE 0 END) + (CASE WHEN AcceptsWheelchair = 1 THEN 64 ELSE 0 END);");

            migrationBuilder.DropTable(
                name: "WaitingContacts");

            migrationBuilder.DropColumn(
                name: "LastContactAt",
                table: "WaitingList");

            migrationBuilder.DropColumn(
                name: "HouseholdAcrossRoomsByHerChoice",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "FamilyUnit",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "AcceptanceConfirmedOn",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "AcceptsArt",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "AcceptsChildren",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "AcceptsDrugUse",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "AcceptsOst",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "AcceptsTransWomen",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "AcceptsWheelchair",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "BoysUpToAge",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "OpenDays",
                table: "Partners");

            migrationBuilder.DropColumn(
                name: "UsualSupplyDays",
                table: "MedicationProgrammes");

            migrationBuilder.DropColumn(
                name: "CounsellingRoomId",
                table: "CounsellingSessions");

            migrationBuilder.DropColumn(
                name: "Sex",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "AcceptsWithoutDocuments",
                table: "Partners");
        }
    }
}
