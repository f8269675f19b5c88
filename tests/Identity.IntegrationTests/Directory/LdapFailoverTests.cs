using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Identity.IntegrationTests.Directory;

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
        var onPrimary = await host.Directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password, cancellationToken);
        var healthOnPrimary = await host.Directory.CheckHealthAsync(cancellationToken);

        // Act
        await primary.StopAsync(cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        var onReplica = await host.Directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password, cancellationToken);
        var failoverTime = stopwatch.Elapsed;
        var healthOnReplica = await host.Directory.CheckHealthAsync(cancellationToken);

        await replica.StopAsync(cancellationToken);
        stopwatch.Restart();
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => host.Directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password, cancellationToken));
        var unavailableTime = stopwatch.Elapsed;
        var healthDown = await host.Directory.CheckHealthAsync(cancellationToken);

        await primary.StartAsync(cancellationToken);
        var recovered = await host.Directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password, cancellationToken);

        // Assert
        Assert.True(onPrimary.Succeeded);
        Assert.Equal(primary.Url, healthOnPrimary.Server);
        Assert.True(onReplica.Succeeded);
        Assert.Equal(onPrimary.User!.SubjectId, onReplica.User!.SubjectId);
        Assert.Equal(onPrimary.User.Groups.Count, onReplica.User.Groups.Count);
        Assert.InRange(failoverTime, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(replica.Url, healthOnReplica.Server);
        Assert.InRange(unavailableTime, TimeSpan.Zero, 2 * ConnectTimeout);
        Assert.False(healthDown.IsAvailable);
        Assert.NotNull(healthDown.Error);
        Assert.True(recovered.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_NoServerListening_ThrowsUnavailableQuickly()
    {
        // Arrange
        string[] servers = [UnusedUrl(), UnusedUrl()];
        await using var host = DirectoryTestHost.Create(fixture, servers, ConnectTimeout);
        var stopwatch = Stopwatch.StartNew();

        // Act
        var error = await Assert.ThrowsAsync<DirectoryUnavailableException>(
            () => host.Directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password, TestContext.Current.CancellationToken));
        var health = await host.Directory.CheckHealthAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, 2 * ConnectTimeout);
        Assert.NotNull(error.InnerException);
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
    public async Task AuthenticateAsync_PrimaryHung_FailsOverAfterOperationTimeout()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var primary = await fixture.Server.CloneAsync(cancellationToken);
        await using var host = DirectoryTestHost.Create(fixture, [primary.Url, fixture.Server.Url], ConnectTimeout);
        var before = await host.Directory.AuthenticateAsync("lee.jiyoung", DemoAccounts.Password, cancellationToken);
        var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(primary.DataDir, "slapd.pid"), cancellationToken), CultureInfo.InvariantCulture);
        using var hung = Process.GetProcessById(pid);
        await Signal("STOP", pid);
        try
        {
            // Act
            var stopwatch = Stopwatch.StartNew();
            var result = await host.Directory.AuthenticateAsync("lee.jiyoung", DemoAccounts.Password, cancellationToken);
            var elapsed = stopwatch.Elapsed;
            stopwatch.Restart();
            var again = await host.Directory.AuthenticateAsync("lee.jiyoung", DemoAccounts.Password, cancellationToken);

            // Assert
            Assert.True(before.Succeeded);
            Assert.True(result.Succeeded);
            Assert.InRange(elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(6));
            Assert.True(again.Succeeded);
            Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
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
