using System.Globalization;

namespace GatewayPortal.Data.Schema;

/// <summary>
/// The compatibility rule between a release and a database (docs/adr/0010): a release with schema version N runs on a
/// database at version N, or at a newer version whose <c>min_compatible_version</c> is at most N (expand-only since N);
/// it refuses a newer schema that contracted past N, and one with migrations it does not know that does not say so.
/// </summary>
/// <param name="State">The outcome.</param>
/// <param name="Release">The release's own schema version and the oldest it runs on.</param>
/// <param name="Database">What <c>schema_info</c> says, or null when nothing is recorded (a database from before schema versions, or empty).</param>
/// <param name="Pending">Migrations the release knows and the database lacks, in order.</param>
/// <param name="Unknown">Migrations the database has and the release does not know.</param>
public sealed record SchemaCheck(
    SchemaState State, SchemaRelease Release, SchemaRelease? Database, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    /// <summary>Applies the rule.</summary>
    public static SchemaCheck Evaluate(SchemaRelease release, SchemaRelease? database, IReadOnlyList<string> pending, IReadOnlyList<string> unknown)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(unknown);
        var state = database is { } db && db.Version > release.Version
            ? db.MinCompatibleVersion <= release.Version && pending.Count == 0 ? SchemaState.NewerCompatible : SchemaState.NewerIncompatible
            : unknown.Count > 0 ? SchemaState.NewerIncompatible
            : pending.Count > 0 ? SchemaState.Behind
            : SchemaState.Current;
        return new SchemaCheck(state, release, database, pending, unknown);
    }

    /// <summary>True when a node of this release may serve on the database as it is.</summary>
    public bool CanRun => State is SchemaState.Current or SchemaState.NewerCompatible;

    /// <summary>True when <c>schema_info</c> does not yet say what this release's migrations produce.</summary>
    public bool NeedsRecord => State is SchemaState.Current or SchemaState.Behind && Database != Release;

    /// <summary>The database's version as words ("2 (runs releases from schema 1)" or "not recorded").</summary>
    public string DatabaseVersionText => Database is { } db
        ? string.Create(CultureInfo.InvariantCulture, $"{db.Version} (runs releases from schema {db.MinCompatibleVersion})")
        : "not recorded";

    /// <summary>The release's version as words.</summary>
    public string ReleaseVersionText =>
        string.Create(CultureInfo.InvariantCulture, $"{Release.Version} (runs on schema from {Release.MinCompatibleVersion})");

    /// <summary>One paragraph for the operator: where the database stands, and what to do when the node cannot run.</summary>
    public string Describe() => State switch
    {
        SchemaState.Current => $"The database schema is current: version {DatabaseVersionText}; this release's schema version is {ReleaseVersionText}.",
        SchemaState.Behind => $"The database schema is behind this release: database schema version {DatabaseVersionText}, this release's schema version "
            + $"{ReleaseVersionText}. {Pending.Count.ToString(CultureInfo.InvariantCulture)} pending migrations: {string.Join(", ", Pending)}.",
        SchemaState.NewerCompatible => $"The database schema version {DatabaseVersionText} is newer than this release's schema version {ReleaseVersionText}; "
            + "it was only expanded since, so this node runs (a rolling upgrade in progress). Upgrade this node to the release that migrated the database."
            + UnknownText(),
        _ => $"The database schema is newer than this release can run on: database schema version {DatabaseVersionText}, this release's schema version "
            + $"{ReleaseVersionText}.{UnknownText()}{PendingText()} Run a release whose schema version is at least "
            + $"{(Database?.MinCompatibleVersion ?? Release.Version + 1).ToString(CultureInfo.InvariantCulture)}, or restore the database backup taken before the upgrade.",
    };

    private string UnknownText() => Unknown.Count == 0 ? "" : $" Migrations in the database this release does not know: {string.Join(", ", Unknown)}.";

    private string PendingText() => Pending.Count == 0 ? "" : $" Migrations this release expects and the database lacks: {string.Join(", ", Pending)}.";
}
