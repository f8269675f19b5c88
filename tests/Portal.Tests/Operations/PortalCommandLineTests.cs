using GatewayPortal.Portal.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.Tests.Operations;

public sealed class PortalCommandLineTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--urls=http://127.0.0.1:5000")]
    [InlineData("Database:Provider=PostgreSql")]
    public void NoVerb_EveryArgumentGoesToTheHost(string joined)
    {
        var args = joined.Length == 0 ? [] : joined.Split(' ');
        var line = PortalCommandLine.Parse(args);

        Assert.False(line.IsCommand);
        Assert.Equal(args, line.HostArguments);
    }

    [Fact]
    public void Verb_OwnArgumentsBeforeTheSeparator_HostSettingsAfterIt()
    {
        var line = PortalCommandLine.Parse(["Keys", "retire", "abc", "--", "--Database:Provider=PostgreSql"]);

        Assert.Equal("keys", line.Verb);
        Assert.Equal(["retire", "abc"], line.VerbArguments);
        Assert.Equal(["--Database:Provider=PostgreSql"], line.HostArguments);
    }

    [Fact]
    public async Task UnknownVerb_ListsTheCommandsAndExitsWithTheUsageCode()
    {
        using var services = new ServiceCollection().AddPortalCommand<EchoCommand>().BuildServiceProvider();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await PortalCommandLine.Parse(["bogus"]).RunAsync(services, output, error, TestContext.Current.CancellationToken);

        Assert.Equal(PortalCommandExit.Usage, exit);
        Assert.Contains("unknown command 'bogus'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("echo", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnownVerb_RunsWithItsOwnArguments()
    {
        using var services = new ServiceCollection().AddPortalCommand<EchoCommand>().BuildServiceProvider();
        var output = new StringWriter();

        var exit = await PortalCommandLine.Parse(["echo", "a", "b"]).RunAsync(services, output, new StringWriter(), TestContext.Current.CancellationToken);

        Assert.Equal(PortalCommandExit.Ok, exit);
        Assert.Equal("a b", output.ToString().Trim());
    }

    private sealed class EchoCommand : IPortalCommand
    {
        public string Name => "echo";

        public string Summary => "prints its arguments";

        public string Usage => "echo <words…>";

        public async Task<int> RunAsync(PortalCommandContext context, CancellationToken cancellationToken)
        {
            await context.Out.WriteLineAsync(string.Join(' ', context.Arguments));
            return PortalCommandExit.Ok;
        }
    }
}
