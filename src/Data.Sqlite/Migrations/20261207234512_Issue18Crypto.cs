using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GatewayPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue18Crypto : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Algorithm",
                table: "oidc_keys",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "EncryptAccessTokens",
                table: "applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "IdTokenSignedResponseAlg",
                table: "applications",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "RS256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Algorithm",
                table: "oidc_keys");

            migrationBuilder.DropColumn(
                name: "EncryptAccessTokens",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "IdTokenSignedResponseAlg",
                table: "applications");
        }
    }
}
