using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GatewayPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue16WikiVersionsAndMaintenanceEnd : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "wiki_revisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "MaintenanceEndsUtc",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            // Existing revisions get their place in their page's history before the unique index goes on.
            migrationBuilder.Sql(GatewayPortal.Wiki.Storage.WikiRevisionNumbers.BackfillSql);

            migrationBuilder.CreateIndex(
                name: "IX_wiki_revisions_PageId_Number",
                table: "wiki_revisions",
                columns: new[] { "PageId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wiki_revisions_PageId_Number",
                table: "wiki_revisions");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "wiki_revisions");

            migrationBuilder.DropColumn(
                name: "MaintenanceEndsUtc",
                table: "applications");
        }
    }
}
