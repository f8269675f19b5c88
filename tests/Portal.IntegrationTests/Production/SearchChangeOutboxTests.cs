using GatewayPortal.Data;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>The outbox on PostgreSQL: every transaction that changes a searchable document writes its own feed row.</summary>
public sealed class SearchChangeOutboxTests(PostgresPortal portal) : IClassFixture<PostgresPortal>
{
    [Fact]
    public async Task SaveChanges_SameApplicationChangedInTwoTransactionsOnOneConnection_WritesARowForEach()
    {
        // Arrange: one context, so both saves run on the same pooled Npgsql connection (which hands out the same
        // DbTransaction object for each of its transactions).
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var before = await AppRowsAsync(db, ct);
        var application = await db.Applications.OrderBy(a => a.ClientId).FirstAsync(ct);
        var name = application.NameKo;

        // Act: two saves, each in a transaction the outbox opens itself.
        application.NameKo = name + " (변경)";
        await db.SaveChangesAsync(ct);
        application.NameKo = name;
        await db.SaveChangesAsync(ct);

        // Assert
        Assert.Equal(before + 2, await AppRowsAsync(db, ct));
    }

    private static Task<int> AppRowsAsync(PortalDbContext db, CancellationToken ct) =>
        db.SearchChanges.AsNoTracking().CountAsync(c => c.Source == SearchSources.Application && c.Kind == SearchChangeKind.Upsert, ct);
}
