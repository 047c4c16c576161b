using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelter.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MedicationContinuity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "SupplyUntil",
                table: "MedicationProgrammes",
                newName: "SupplyAsOf");

            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "MedicationProgrammes",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "DispensingSiteId",
                table: "MedicationProgrammes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Dose",
                table: "MedicationProgrammes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastDispensedOn",
                table: "MedicationProgrammes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Medicine",
                table: "MedicationProgrammes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextPickupOn",
                table: "MedicationProgrammes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "MedicationProgrammes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PickupWindow",
                table: "MedicationProgrammes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Schedule",
                table: "MedicationProgrammes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SupplyDays",
                table: "MedicationProgrammes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MedicationProgrammeId",
                table: "FollowUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DispensingSiteClosures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DispensingSiteClosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DispensingSiteClosures_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MedicationProgrammes_DispensingSiteId",
                table: "MedicationProgrammes",
                column: "DispensingSiteId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_MedicationProgrammeId",
                table: "FollowUps",
                column: "MedicationProgrammeId");

            migrationBuilder.CreateIndex(
                name: "UX_FollowUps_OneOpenPerProgramme",
                table: "FollowUps",
                columns: new[] { "Kind", "MedicationProgrammeId" },
                unique: true,
                filter: "\"Status\" = 1 AND \"MedicationProgrammeId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DispensingSiteClosures_PartnerId",
                table: "DispensingSiteClosures",
                column: "PartnerId");

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_MedicationProgrammes_MedicationProgrammeId",
                table: "FollowUps",
                column: "MedicationProgrammeId",
                principalTable: "MedicationProgrammes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MedicationProgrammes_Partners_DispensingSiteId",
                table: "MedicationProgrammes",
                column: "DispensingSiteId",
                principalTable: "Partners",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_MedicationProgrammes_MedicationProgrammeId",
                table: "FollowUps");

            migrationBuilder.DropForeignKey(
                name: "FK_MedicationProgrammes_Partners_DispensingSiteId",
                table: "MedicationProgrammes");

            migrationBuilder.DropTable(
                name: "DispensingSiteClosures");

            migrationBuilder.DropIndex(
                name: "IX_MedicationProgrammes_DispensingSiteId",
                table: "MedicationProgrammes");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_MedicationProgrammeId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "UX_FollowUps_OneOpenPerProgramme",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "DispensingSiteId",
                table: "MedicationProgrammes");

            migrationBuilder.DropColumn(
                name: "Dose",
                table: "MedicationProgrammes");

            migrationBuilder.DropColumn(
                name: "LastDispensedOn",
                table: "MedicationProgrammes");

            migrationBuilder.DropColumn(
                name: "Medicine",
                table: "MedicationProgrammes");

            migrationBuilder.DropColumn(
                name: "NextPickupOn",
                table: "MedicationProgrammes");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "MedicationProgrammes");

            migrationBuilder.DropColumn(
                name: "PickupWindow",
                table: "MedicationProgrammes");

            migrationBuilder.DropColumn(
                name: "Schedule",
                table: "MedicationProgrammes");

            migrationBuilder.DropColumn(
                name: "SupplyDays",
                table: "MedicationProgrammes");

            migrationBuilder.DropColumn(
                name: "MedicationProgrammeId",
                table: "FollowUps");

            migrationBuilder.RenameColumn(
                name: "SupplyAsOf",
                table: "MedicationProgrammes",
                newName: "SupplyUntil");

            migrationBuilder.AlterColumn<int>(
                name: "Kind",
                table: "MedicationProgrammes",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT");
        }
    }
}
