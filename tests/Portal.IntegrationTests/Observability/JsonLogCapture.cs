using System.Collections.Concurrent;
using System.Text.Json;
using GatewayPortal.Portal.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.IntegrationTests.Observability;

/// <summary>
/// A logger provider that formats every entry with the portal's own JSON line formatter (as the console does with
/// <c>Logging:Format=json</c>) and keeps the lines.
/// </summary>
public sealed class JsonLogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private PortalJsonConsoleFormatter? _formatter;
    private IExternalScopeProvider? _scopes;

    /// <summary>Every line written so far.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Every line written so far, parsed.</summary>
    public IReadOnlyList<JsonElement> Entries => [.. _lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    /// <summary>Uses the host's formatter options (with the node name the host resolves).</summary>
    public JsonLogCapture Attach(IOptionsMonitor<PortalJsonConsoleFormatterOptions> options)
    {
        _formatter ??= new PortalJsonConsoleFormatter(options);
        return this;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => _formatter?.Dispose();

    private sealed class Logger(JsonLogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var text = new StringWriter();
            owner._formatter?.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), owner._scopes, text);
            foreach (var line in text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                owner._lines.Enqueue(line);
            }
        }
    }
}
