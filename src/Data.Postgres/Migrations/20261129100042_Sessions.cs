using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GatewayPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Sessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "portal_sessions",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Login = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Methods = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EndReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portal_sessions", x => x.SessionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_portal_sessions_EndedUtc_ExpiresUtc_CreatedUtc",
                table: "portal_sessions",
                columns: new[] { "EndedUtc", "ExpiresUtc", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_portal_sessions_ExpiresUtc",
                table: "portal_sessions",
                column: "ExpiresUtc");

            migrationBuilder.CreateIndex(
                name: "IX_portal_sessions_Login",
                table: "portal_sessions",
                column: "Login");

            migrationBuilder.CreateIndex(
                name: "IX_portal_sessions_SubjectId",
                table: "portal_sessions",
                column: "SubjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "portal_sessions");
        }
    }
}
