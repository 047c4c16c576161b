using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelter.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BedsAndStays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgreedEndOn",
                table: "Stays");

            migrationBuilder.AddColumn<DateTime>(
                name: "AdmittedAt",
                table: "Stays",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "Conditions",
                table: "Stays",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExitDestination",
                table: "Stays",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExitReason",
                table: "Stays",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MovedFromStayId",
                table: "Stays",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "Stays",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PlannedEndAt",
                table: "Stays",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "SuggestedBedId",
                table: "Stays",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HighRisk",
                table: "Residents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsAccessibleRoom",
                table: "Residents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "BedHolds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BedId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComingThrough = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HeldUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Release = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BedHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BedHolds_Beds_BedId",
                        column: x => x.BedId,
                        principalTable: "Beds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BedsOutOfService",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BedId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BedsOutOfService", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BedsOutOfService_Beds_BedId",
                        column: x => x.BedId,
                        principalTable: "Beds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: true),
                    StayId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignedToUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StayExtensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StayId = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousEndAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NewEndAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ConditionsBefore = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StayExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StayExtensions_Stays_StayId",
                        column: x => x.StayId,
                        principalTable: "Stays",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Stays_EndedAt",
                table: "Stays",
                column: "EndedAt");

            migrationBuilder.CreateIndex(
                name: "UX_BedHolds_OneOpenHoldPerBed",
                table: "BedHolds",
                column: "BedId",
                unique: true,
                filter: "\"ReleasedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BedsOutOfService_BedId_From",
                table: "BedsOutOfService",
                columns: new[] { "BedId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_ResidentId",
                table: "FollowUps",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Status_DueAt",
                table: "FollowUps",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "UX_FollowUps_OneOpenPerStay",
                table: "FollowUps",
                columns: new[] { "Kind", "StayId" },
                unique: true,
                filter: "\"Status\" = 1 AND \"StayId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StayExtensions_StayId",
                table: "StayExtensions",
                column: "StayId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BedHolds");

            migrationBuilder.DropTable(
                name: "BedsOutOfService");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "StayExtensions");

            migrationBuilder.DropIndex(
                name: "IX_Stays_EndedAt",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "AdmittedAt",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "Conditions",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "ExitDestination",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "ExitReason",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "MovedFromStayId",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "PlannedEndAt",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "SuggestedBedId",
                table: "Stays");

            migrationBuilder.DropColumn(
                name: "HighRisk",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "NeedsAccessibleRoom",
                table: "Residents");

            migrationBuilder.AddColumn<DateOnly>(
                name: "AgreedEndOn",
                table: "Stays",
                type: "TEXT",
                nullable: true);
        }
    }
}
