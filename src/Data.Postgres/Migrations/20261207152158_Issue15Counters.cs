using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GatewayPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue15Counters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_portal_work_counters_ApplicationId_Key",
                table: "portal_work_counters",
                columns: new[] { "ApplicationId", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_portal_work_counters_ExpiresUtc",
                table: "portal_work_counters",
                column: "ExpiresUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "portal_work_counters");
        }
    }
}
