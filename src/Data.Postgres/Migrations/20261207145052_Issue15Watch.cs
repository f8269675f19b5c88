using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GatewayPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue15Watch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wiki_watches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PageId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wiki_watches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_wiki_watches_wiki_pages_PageId",
                        column: x => x.PageId,
                        principalTable: "wiki_pages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wiki_revisions_AuthorSubject_PageId_Id",
                table: "wiki_revisions",
                columns: new[] { "AuthorSubject", "PageId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_wiki_pages_CurrentRevisionId",
                table: "wiki_pages",
                column: "CurrentRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_wiki_watches_PageId",
                table: "wiki_watches",
                column: "PageId");

            migrationBuilder.CreateIndex(
                name: "IX_wiki_watches_Subject_PageId",
                table: "wiki_watches",
                columns: new[] { "Subject", "PageId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wiki_watches");

            migrationBuilder.DropIndex(
                name: "IX_wiki_revisions_AuthorSubject_PageId_Id",
                table: "wiki_revisions");

            migrationBuilder.DropIndex(
                name: "IX_wiki_pages_CurrentRevisionId",
                table: "wiki_pages");
        }
    }
}
