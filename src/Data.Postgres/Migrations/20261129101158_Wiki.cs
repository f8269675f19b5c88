using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GatewayPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Wiki : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wiki_pages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SpaceKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Slug = table.Column<string>(type: "character varying(321)", maxLength: 321, nullable: false),
                    CurrentRevisionId = table.Column<long>(type: "bigint", nullable: true),
                    IsProtected = table.Column<bool>(type: "boolean", nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RedirectToPageId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wiki_pages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_wiki_pages_wiki_pages_RedirectToPageId",
                        column: x => x.RedirectToPageId,
                        principalTable: "wiki_pages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "wiki_spaces",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wiki_spaces", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "wiki_drafts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PageId = table.Column<long>(type: "bigint", nullable: true),
                    SpaceKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    UserSubject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BaseRevisionId = table.Column<long>(type: "bigint", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wiki_drafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_wiki_drafts_wiki_pages_PageId",
                        column: x => x.PageId,
                        principalTable: "wiki_pages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "wiki_links",
                columns: table => new
                {
                    FromPageId = table.Column<long>(type: "bigint", nullable: false),
                    ToSpaceKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ToTitle = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wiki_links", x => new { x.FromPageId, x.ToSpaceKey, x.ToTitle });
                    table.ForeignKey(
                        name: "FK_wiki_links_wiki_pages_FromPageId",
                        column: x => x.FromPageId,
                        principalTable: "wiki_pages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wiki_page_permissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PageId = table.Column<long>(type: "bigint", nullable: true),
                    SpaceKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Group = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Access = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wiki_page_permissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_wiki_page_permissions_wiki_pages_PageId",
                        column: x => x.PageId,
                        principalTable: "wiki_pages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wiki_revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PageId = table.Column<long>(type: "bigint", nullable: false),
                    ParentRevisionId = table.Column<long>(type: "bigint", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    AuthorSubject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IsMinor = table.Column<bool>(type: "boolean", nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    SizeDelta = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wiki_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_wiki_revisions_wiki_pages_PageId",
                        column: x => x.PageId,
                        principalTable: "wiki_pages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_wiki_revisions_wiki_revisions_ParentRevisionId",
                        column: x => x.ParentRevisionId,
                        principalTable: "wiki_revisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "wiki_blame_cache",
                columns: table => new
                {
                    RevisionId = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wiki_blame_cache", x => x.RevisionId);
                    table.ForeignKey(
                        name: "FK_wiki_blame_cache_wiki_revisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "wiki_revisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wiki_drafts_PageId",
                table: "wiki_drafts",
                column: "PageId");

            migrationBuilder.CreateIndex(
                name: "IX_wiki_drafts_UserSubject_SpaceKey_Title",
                table: "wiki_drafts",
                columns: new[] { "UserSubject", "SpaceKey", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wiki_links_ToSpaceKey_ToTitle",
                table: "wiki_links",
                columns: new[] { "ToSpaceKey", "ToTitle" });

            migrationBuilder.CreateIndex(
                name: "IX_wiki_page_permissions_PageId",
                table: "wiki_page_permissions",
                column: "PageId");

            migrationBuilder.CreateIndex(
                name: "IX_wiki_page_permissions_SpaceKey",
                table: "wiki_page_permissions",
                column: "SpaceKey");

            migrationBuilder.CreateIndex(
                name: "IX_wiki_pages_RedirectToPageId",
                table: "wiki_pages",
                column: "RedirectToPageId");

            migrationBuilder.CreateIndex(
                name: "IX_wiki_pages_Slug",
                table: "wiki_pages",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wiki_pages_SpaceKey_Title",
                table: "wiki_pages",
                columns: new[] { "SpaceKey", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wiki_revisions_AuthorSubject_Id",
                table: "wiki_revisions",
                columns: new[] { "AuthorSubject", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_wiki_revisions_PageId_ContentHash",
                table: "wiki_revisions",
                columns: new[] { "PageId", "ContentHash" });

            migrationBuilder.CreateIndex(
                name: "IX_wiki_revisions_PageId_Id",
                table: "wiki_revisions",
                columns: new[] { "PageId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_wiki_revisions_ParentRevisionId",
                table: "wiki_revisions",
                column: "ParentRevisionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wiki_blame_cache");

            migrationBuilder.DropTable(
                name: "wiki_drafts");

            migrationBuilder.DropTable(
                name: "wiki_links");

            migrationBuilder.DropTable(
                name: "wiki_page_permissions");

            migrationBuilder.DropTable(
                name: "wiki_spaces");

            migrationBuilder.DropTable(
                name: "wiki_revisions");

            migrationBuilder.DropTable(
                name: "wiki_pages");
        }
    }
}
