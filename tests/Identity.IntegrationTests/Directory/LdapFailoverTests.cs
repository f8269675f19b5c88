using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GatewayPortal.Identity.IntegrationTests.Directory;

/// <summary>
/// Which server answers when one stops, hangs or was never there, and how the failed one is skipped. How long a
/// failover or a refusal takes is measured by bench/DirectoryFailover (figures in bench/RESULTS.md), not asserted here.
/// </summary>
public sealed class LdapFailoverTests(SlapdFixture fixture)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AuthenticateAsync_PrimaryStopped_FailsOverToReplicaThenUnavailable()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var primary = await fixture.Server.CloneAsync(cancellationToken);
        await using var replica = await fixture.Server.CloneAsync(cancellationToken);
        await using var host = DirectoryTestHost.Create(fixture, [primary.Url, replica.Url], ConnectTimeout);
        var servers = host.Get<LdapServerSet>();
        var onPrimary = await host.Directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password, cancellationToken);
        var healthOnPrimary = await host.Directory.CheckHealthAsync(cancellationToken);

        // Act
        await primary.StopAsync(cancellationToken);
        var onReplica = await host.Directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password, cancellationToken);
        var preferredAfterFailover = servers.Preferred?.Url;
        var healthOnReplica = await host.Directory.CheckHealthAsync(cancellationToken);

        await replica.StopAsync(cancellationToken);
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => host.Directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password, cancellationToken));
        var preferredWhenAllDown = servers.Preferred;
        var healthDown = await host.Directory.CheckHealthAsync(cancellationToken);

        await primary.StartAsync(cancellationToken);
        var recovered = await host.Directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password, cancellationToken);

        // Assert
        Assert.True(onPrimary.Succeeded);
        Assert.Equal(primary.Url, healthOnPrimary.Server);
        Assert.True(onReplica.Succeeded);
        Assert.Equal(onPrimary.User!.SubjectId, onReplica.User!.SubjectId);
        Assert.Equal(onPrimary.User.Groups.Count, onReplica.User.Groups.Count);
        Assert.Equal(replica.Url, preferredAfterFailover);
        Assert.Equal(replica.Url, healthOnReplica.Server);
        Assert.Null(preferredWhenAllDown);
        Assert.False(healthDown.IsAvailable);
        Assert.NotNull(healthDown.Error);
        Assert.True(recovered.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_NoServerListening_ThrowsUnavailableAndMarksEveryServerDown()
    {
        // Arrange
        string[] servers = [UnusedUrl(), UnusedUrl()];
        await using var host = DirectoryTestHost.Create(fixture, servers, ConnectTimeout);

        // Act
        var error = await Assert.ThrowsAsync<DirectoryUnavailableException>(
            () => host.Directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password, TestContext.Current.CancellationToken));
        var preferred = host.Get<LdapServerSet>().Preferred;
        var health = await host.Directory.CheckHealthAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.NotNull(error.InnerException);
        Assert.Null(preferred);
        Assert.False(health.IsAvailable);
    }

    [Fact]
    public async Task AuthenticateAsync_FirstServerDown_UsesSecond()
    {
        // Arrange
        await using var host = DirectoryTestHost.Create(fixture, [UnusedUrl(), fixture.Server.Url], ConnectTimeout);

        // Act
        var result = await host.Directory.AuthenticateAsync("park.jihoon", DemoAccounts.Password, TestContext.Current.CancellationToken);
        var health = await host.Directory.CheckHealthAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.True(result.Succeeded);
        Assert.Equal(fixture.Server.Url, health.Server);
    }

    [Fact]
    public async Task AuthenticateAsync_PrimaryHung_FailsOverAndSkipsItUntilTheRetryTime()
    {
        // Arrange: the clock that marks servers down is the test's.
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var primary = await fixture.Server.CloneAsync(cancellationToken);
        await using var host = DirectoryTestHost.Create(fixture, [primary.Url, fixture.Server.Url], ConnectTimeout, time: clock);
        var servers = host.Get<LdapServerSet>();
        var retryAfter = host.Get<IOptions<LdapOptions>>().Value.ServerRetryAfter;
        var before = await host.Directory.AuthenticateAsync("lee.jiyoung", DemoAccounts.Password, cancellationToken);
        var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(primary.DataDir, "slapd.pid"), cancellationToken), CultureInfo.InvariantCulture);
        using var hung = Process.GetProcessById(pid);
        await Signal("STOP", pid);
        try
        {
            // Act: the first sign-in waits out the operation timeout on the hung primary and fails over.
            var result = await host.Directory.AuthenticateAsync("lee.jiyoung", DemoAccounts.Password, cancellationToken);
            var preferredAfterFailover = servers.Preferred?.Url;
            var again = await host.Directory.AuthenticateAsync("lee.jiyoung", DemoAccounts.Password, cancellationToken);
            var preferredBeforeRetryTime = servers.Preferred?.Url;
            clock.Advance(retryAfter);
            var preferredAtRetryTime = servers.Preferred?.Url;

            // Assert
            Assert.True(before.Succeeded);
            Assert.True(result.Succeeded);
            Assert.Equal(fixture.Server.Url, preferredAfterFailover);
            Assert.True(again.Succeeded);
            Assert.Equal(fixture.Server.Url, preferredBeforeRetryTime);
            Assert.Equal(primary.Url, preferredAtRetryTime);
        }
        finally
        {
            await Signal("CONT", pid);
        }
    }

    private static async Task Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private static string UnusedUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return string.Create(CultureInfo.InvariantCulture, $"ldap://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
    }
}
