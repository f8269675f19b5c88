using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Portal.IntegrationTests.Oidc;

/// <summary>A portal whose log output is counted, character by character, as a log file would grow.</summary>
public sealed class LogCapturingPortal(SlapdFixture directory) : PortalApplicationFactory(directory)
{
    private readonly CountingLoggerProvider _log = new();

    /// <summary>Characters written to the log so far (messages and exceptions).</summary>
    public long LoggedCharacters => Interlocked.Read(ref _log.Characters);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(_log));
    }

    private sealed class CountingLoggerProvider : ILoggerProvider, ILogger
    {
        public long Characters;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Interlocked.Add(ref Characters, formatter(state, exception).Length + (exception?.ToString().Length ?? 0));

        public void Dispose()
        {
        }
    }
}
