using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Oidc;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.EntityFrameworkCore.Models;

namespace GatewayPortal.Identity.Tests.Oidc;

public sealed class SharedApplicationCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryGet_WithinTheRefreshInterval_GivesTheSameRow()
    {
        var cache = new SharedApplicationCache(new ApplicationCatalogue(_time), _time);
        var row = new OpenIddictEntityFrameworkCoreApplication { ClientId = "sample-lob" };
        cache.Set("sample-lob", row, cache.Generation);
        _time.Advance(ApplicationCatalogue.RefreshAfter - TimeSpan.FromSeconds(1));

        Assert.Same(row, cache.TryGet("sample-lob", cache.Generation));
    }

    [Fact]
    public void TryGet_AfterTheRefreshInterval_IsEmptySoAnotherNodesChangeIsRead()
    {
        var cache = new SharedApplicationCache(new ApplicationCatalogue(_time), _time);
        cache.Set("sample-lob", new OpenIddictEntityFrameworkCoreApplication { ClientId = "sample-lob" }, cache.Generation);
        _time.Advance(ApplicationCatalogue.RefreshAfter);

        Assert.Null(cache.TryGet("sample-lob", cache.Generation));
    }

    [Fact]
    public void Invalidate_DropsRowsAndRefusesARowReadBeforeIt()
    {
        var cache = new SharedApplicationCache(new ApplicationCatalogue(_time), _time);
        var before = cache.Generation;
        cache.Set("sample-lob", new OpenIddictEntityFrameworkCoreApplication { ClientId = "sample-lob" }, before);

        // A request read the row, then an administrator changed it before the request stored what it read.
        cache.Invalidate();
        cache.Set("batch-reporting", new OpenIddictEntityFrameworkCoreApplication { ClientId = "batch-reporting" }, before);

        Assert.Null(cache.TryGet("sample-lob", cache.Generation));
        Assert.Null(cache.TryGet("batch-reporting", cache.Generation));
    }

    [Fact]
    public void TryGet_AfterTheCatalogueWasInvalidated_IsEmpty()
    {
        // An import or an edit of the registry invalidates the catalogue; the endpoints' rows go with it.
        var catalogue = new ApplicationCatalogue(_time);
        var cache = new SharedApplicationCache(catalogue, _time);
        cache.Set("sample-lob", new OpenIddictEntityFrameworkCoreApplication { ClientId = "sample-lob" }, cache.Generation);

        catalogue.Invalidate();

        Assert.Null(cache.TryGet("sample-lob", cache.Generation));
    }
}
