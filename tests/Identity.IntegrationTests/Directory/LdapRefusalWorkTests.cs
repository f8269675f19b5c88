using System.Diagnostics.Metrics;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.Telemetry;
using GatewayPortal.Testing;

namespace GatewayPortal.Identity.IntegrationTests.Directory;

/// <summary>
/// Every refused password costs the same directory work as a wrong password for a known person (one search, one bind),
/// so the answer's timing does not tell which logins exist (issue #13: p≈0.001 over 120 tries). The time itself is
/// measured by bench/signin-timing.sh, not here.
/// </summary>
public sealed class LdapRefusalWorkTests(SlapdFixture fixture) : IAsyncLifetime
{
    private DirectoryTestHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = DirectoryTestHost.Create(fixture);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("kim.minsu", "Wrong!2026")] // the reference: a known person, wrong password
    [InlineData("no.such.person", "Wrong!2026")] // unknown login
    [InlineData("jung.disabled", "Demo!2026")] // disabled account, right password
    [InlineData("kim.minsu", " ")] // blank password (never sent as an unauthenticated bind)
    public async Task AuthenticateAsync_AnyRefusal_AttemptsExactlyOneBind(string login, string password)
    {
        // Arrange
        using var binds = new BindCounter(_host.Get<IMeterFactory>());

        // Act
        var result = await _host.Directory.AuthenticateAsync(login, password, TestContext.Current.CancellationToken);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Equal(1, binds.Count);
    }

    [Theory]
    [InlineData("kim.minsu", "Wrong!2026")]
    [InlineData("no.such.person", "Wrong!2026")]
    [InlineData("jung.disabled", "Demo!2026")]
    public async Task AuthenticateAsync_AnyRefusal_ReadsNoGroups(string login, string password)
    {
        // Arrange: groups are read only for a right password, so a wrong one costs no group searches.
        using var operations = new BindCounter(_host.Get<IMeterFactory>(), pool: "search");

        // Act
        var result = await _host.Directory.AuthenticateAsync(login, password, TestContext.Current.CancellationToken);

        // Assert: the one user search, nothing else.
        Assert.False(result.Succeeded);
        Assert.Empty(result.User?.Groups ?? []);
        Assert.Equal(1, operations.Count);
    }

    private sealed class BindCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _count;

        public BindCounter(IMeterFactory factory, string pool = "bind")
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IdentityMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)
                    && instrument.Name == "gatewayportal.ldap.operation.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "pool" && Equals(tag.Value, pool))
                    {
                        Interlocked.Increment(ref _count);
                    }
                }
            });
            _listener.Start();
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
