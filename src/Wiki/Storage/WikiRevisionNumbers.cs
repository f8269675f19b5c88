namespace GatewayPortal.Wiki.Storage;

/// <summary>Per-page version numbers for revisions saved before the numbers existed.</summary>
public static class WikiRevisionNumbers
{
    /// <summary>
    /// Numbers every revision by its place in its page's history (ascending ids), 1 for the first. Portable SQL (SQLite and
    /// PostgreSQL, quoted identifiers), run by the migration that adds the column and before its unique index.
    /// </summary>
    public const string BackfillSql =
        """
        UPDATE "wiki_revisions" SET "Number" = (
            SELECT COUNT(*) FROM "wiki_revisions" AS "earlier"
            WHERE "earlier"."PageId" = "wiki_revisions"."PageId" AND "earlier"."Id" <= "wiki_revisions"."Id");
        """;
}
