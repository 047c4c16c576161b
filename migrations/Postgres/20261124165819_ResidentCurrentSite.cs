using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelter.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResidentCurrentSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CurrentSiteId",
                table: "Residents",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CurrentSiteId",
                table: "Residents",
                column: "CurrentSiteId");

            // Each woman's current site: the site of her latest own stay (not a child's), by start then id.
            migrationBuilder.Sql("""
                UPDATE "Residents" SET "CurrentSiteId" = (
                    SELECT r."SiteId" FROM "Stays" s
                    JOIN "Beds" b ON b."Id" = s."BedId" JOIN "Rooms" r ON r."Id" = b."RoomId"
                    WHERE s."ResidentId" = "Residents"."Id" AND s."ChildId" IS NULL
                    ORDER BY s."StartedAt" DESC, s."Id" DESC LIMIT 1)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_CurrentSiteId",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "CurrentSiteId",
                table: "Residents");
        }
    }
}
