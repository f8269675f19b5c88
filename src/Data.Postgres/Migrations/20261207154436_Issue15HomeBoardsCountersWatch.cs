using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GatewayPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue15HomeBoardsCountersWatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "boards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameKo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_boards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "portal_work_counters",
                columns: table => new
                {
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LabelKo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LabelEn = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Value = table.Column<long>(type: "bigint", nullable: false),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portal_work_counters", x => new { x.SubjectId, x.ApplicationId, x.Key });
                    table.ForeignKey(
                        name: "FK_portal_work_counters_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "board_groups",
                columns: table => new
                {
                    BoardId = table.Column<long>(type: "bigint", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    Group = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_groups", x => new { x.BoardId, x.Role, x.Group });
                    table.ForeignKey(
                        name: "FK_board_groups_boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "board_posts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BoardId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PinnedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AuthorSubject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuthorDepartment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ReadCount = table.Column<int>(type: "integer", nullable: false),
                    AttachmentCount = table.Column<int>(type: "integer", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_posts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_board_posts_boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "board_attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_board_attachments_board_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "board_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "board_post_audiences",
                columns: table => new
                {
                    PostId = table.Column<long>(type: "bigint", nullable: false),
                    Group = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_post_audiences", x => new { x.PostId, x.Group });
                    table.ForeignKey(
                        name: "FK_board_post_audiences_board_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "board_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "board_post_revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    EditorSubject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EditorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PinnedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Audience = table.Column<string>(type: "character varying(16448)", maxLength: 16448, nullable: false),
                    Attachments = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_post_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_board_post_revisions_board_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "board_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "board_read_states",
                columns: table => new
                {
                    Subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PostId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_read_states", x => new { x.Subject, x.PostId });
                    table.ForeignKey(
                        name: "FK_board_read_states_board_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "board_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "board_attachment_contents",
                columns: table => new
                {
                    AttachmentId = table.Column<long>(type: "bigint", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_attachment_contents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_board_attachment_contents_board_attachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "board_attachments",
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
                name: "IX_board_attachments_PostId",
                table: "board_attachments",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_board_groups_Group_Role",
                table: "board_groups",
                columns: new[] { "Group", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_board_post_revisions_PostId_Version",
                table: "board_post_revisions",
                columns: new[] { "PostId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_board_posts_AuthorSubject",
                table: "board_posts",
                column: "AuthorSubject");

            migrationBuilder.CreateIndex(
                name: "IX_board_posts_BoardId_IsDeleted_PublishAt",
                table: "board_posts",
                columns: new[] { "BoardId", "IsDeleted", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_board_posts_IsDeleted_PinnedUntil",
                table: "board_posts",
                columns: new[] { "IsDeleted", "PinnedUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_board_posts_IsDeleted_PublishAt",
                table: "board_posts",
                columns: new[] { "IsDeleted", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_board_read_states_PostId",
                table: "board_read_states",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_boards_DepartmentCode",
                table: "boards",
                column: "DepartmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_boards_Key",
                table: "boards",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_portal_work_counters_ApplicationId_Key",
                table: "portal_work_counters",
                columns: new[] { "ApplicationId", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_portal_work_counters_ExpiresUtc",
                table: "portal_work_counters",
                column: "ExpiresUtc");

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
                name: "board_attachment_contents");

            migrationBuilder.DropTable(
                name: "board_groups");

            migrationBuilder.DropTable(
                name: "board_post_audiences");

            migrationBuilder.DropTable(
                name: "board_post_revisions");

            migrationBuilder.DropTable(
                name: "board_read_states");

            migrationBuilder.DropTable(
                name: "portal_work_counters");

            migrationBuilder.DropTable(
                name: "wiki_watches");

            migrationBuilder.DropTable(
                name: "board_attachments");

            migrationBuilder.DropTable(
                name: "board_posts");

            migrationBuilder.DropTable(
                name: "boards");

            migrationBuilder.DropIndex(
                name: "IX_wiki_revisions_AuthorSubject_PageId_Id",
                table: "wiki_revisions");

            migrationBuilder.DropIndex(
                name: "IX_wiki_pages_CurrentRevisionId",
                table: "wiki_pages");
        }
    }
}
