using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GatewayPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue17Schema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "schema_info",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    MinCompatibleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    LastMigration = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schema_info", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "schema_info");
        }
    }
}
