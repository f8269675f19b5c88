using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Caching.Memory;

namespace GatewayPortal.Identity.Oidc;

/// <summary>
/// Records which applications a portal session signed into (whom single sign-out must tell), with one statement and no
/// read: <c>INSERT … ON CONFLICT DO NOTHING</c> (SQLite and PostgreSQL), skipped altogether when this node already
/// recorded the pair. A second tab signing into the same application at once inserts nothing.
/// </summary>
public sealed class SessionApplicationLinks : IDisposable
{
    private readonly MemoryCache _recorded = new(new MemoryCacheOptions { SizeLimit = 500_000 });
    private string? _sql;

    /// <summary>Records that session <paramref name="sessionId"/> of <paramref name="subjectId"/> signed into <paramref name="clientId"/>.</summary>
    public async ValueTask RecordAsync(IOidcDbContext db, string sessionId, string subjectId, string clientId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = sessionId + "\n" + clientId;
        if (_recorded.TryGetValue(key, out _))
        {
            return;
        }

        var context = db.OidcSessionApplications.GetService<ICurrentDbContext>().Context;
        _sql ??= InsertSql(db.OidcSessionApplications.EntityType);
        await context.Database.ExecuteSqlRawAsync(_sql, [sessionId, subjectId, clientId, now.UtcDateTime], cancellationToken).ConfigureAwait(false);

        // Sessions last a working day at most; after that the pair cannot come back.
        _recorded.Set(key, true, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(12) });
    }

    /// <inheritdoc/>
    public void Dispose() => _recorded.Dispose();

    private static string InsertSql(IEntityType entity)
    {
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => Quote(entity.FindProperty(property)!.GetColumnName(store)!);
        var table = entity.GetSchema() is { } schema ? Quote(schema) + "." + Quote(store.Name) : Quote(store.Name);
        return string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO {table} ({Column(nameof(OidcSessionApplication.SessionId))}, {Column(nameof(OidcSessionApplication.SubjectId))}, {Column(nameof(OidcSessionApplication.ClientId))}, {Column(nameof(OidcSessionApplication.CreatedUtc))}) "
            + $"VALUES ({{0}}, {{1}}, {{2}}, {{3}}) ON CONFLICT ({Column(nameof(OidcSessionApplication.SessionId))}, {Column(nameof(OidcSessionApplication.ClientId))}) DO NOTHING");
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
