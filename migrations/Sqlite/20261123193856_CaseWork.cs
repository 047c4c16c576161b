using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelter.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "WorkdayEnds",
                table: "Sites",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "WorkdayStarts",
                table: "Sites",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<int>(
                name: "JobSearchId",
                table: "FollowUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "What",
                table: "FollowUps",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "DocumentRecoveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Fees",
                table: "DocumentRecoveries",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuingOffice",
                table: "DocumentRecoveries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildcareNeeds",
                table: "Children",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "School",
                table: "Children",
                type: "TEXT",
                maxLength: 160,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CounsellingSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CounsellorUserId = table.Column<string>(type: "TEXT", nullable: true),
                    CounsellorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Room = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScheduledByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounsellingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CounsellingSessions_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FollowUpId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpSteps_FollowUps_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "FollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobSearches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ConditionOfStay = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobSearches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecoverySteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentRecoveryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecoverySteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecoverySteps_DocumentRecoveries_DocumentRecoveryId",
                        column: x => x.DocumentRecoveryId,
                        principalTable: "DocumentRecoveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobSearchSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobSearchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobSearchSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobSearchSteps_JobSearches_JobSearchId",
                        column: x => x.JobSearchId,
                        principalTable: "JobSearches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_AssignedToUserId_Status_DueAt",
                table: "FollowUps",
                columns: new[] { "AssignedToUserId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_JobSearchId",
                table: "FollowUps",
                column: "JobSearchId");

            migrationBuilder.CreateIndex(
                name: "IX_CounsellingSessions_ChildId",
                table: "CounsellingSessions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_CounsellingSessions_StartsAt",
                table: "CounsellingSessions",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpSteps_FollowUpId",
                table: "FollowUpSteps",
                column: "FollowUpId");

            migrationBuilder.CreateIndex(
                name: "IX_JobSearches_ResidentId",
                table: "JobSearches",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_JobSearchSteps_JobSearchId",
                table: "JobSearchSteps",
                column: "JobSearchId");

            migrationBuilder.CreateIndex(
                name: "IX_RecoverySteps_DocumentRecoveryId",
                table: "RecoverySteps",
                column: "DocumentRecoveryId");

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_JobSearches_JobSearchId",
                table: "FollowUps",
                column: "JobSearchId",
                principalTable: "JobSearches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_JobSearches_JobSearchId",
                table: "FollowUps");

            migrationBuilder.DropTable(
                name: "CounsellingSessions");

            migrationBuilder.DropTable(
                name: "FollowUpSteps");

            migrationBuilder.DropTable(
                name: "JobSearchSteps");

            migrationBuilder.DropTable(
                name: "RecoverySteps");

            migrationBuilder.DropTable(
                name: "JobSearches");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_AssignedToUserId_Status_DueAt",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_JobSearchId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "WorkdayEnds",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "WorkdayStarts",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "JobSearchId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "What",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "DocumentRecoveries");

            migrationBuilder.DropColumn(
                name: "Fees",
                table: "DocumentRecoveries");

            migrationBuilder.DropColumn(
                name: "IssuingOffice",
                table: "DocumentRecoveries");

            migrationBuilder.DropColumn(
                name: "ChildcareNeeds",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "School",
                table: "Children");
        }
    }
}
