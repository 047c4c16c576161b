using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelter.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ActiveProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_MedicationProgrammes_EndedAt",
                table: "MedicationProgrammes",
                column: "EndedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MedicationProgrammes_EndedAt",
                table: "MedicationProgrammes");
        }
    }
}
