using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using GatewayPortal.Cluster;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Observability;

/// <summary>Options of <see cref="PortalJsonConsoleFormatter"/>.</summary>
public sealed class PortalJsonConsoleFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>This node's name, resolved on first use (the cluster's <see cref="ClusterNode"/>).</summary>
    public Func<string?>? NodeName { get; set; }
}

/// <summary>
/// One JSON object per line: <c>timestamp</c> (UTC, ISO-8601), <c>level</c>, <c>category</c>, <c>eventId</c>,
/// <c>eventName</c>, <c>message</c>, <c>traceId</c> and <c>spanId</c> (the current activity's, the same trace id the error
/// page shows), <c>node</c>, the message's named values under <c>fields</c>, the scopes' under <c>scope</c>, and an
/// exception as ONE string field (<c>exception</c>, with <c>exceptionType</c>), never a multi-line wall.
/// </summary>
public sealed class PortalJsonConsoleFormatter : ConsoleFormatter, IDisposable
{
    /// <summary>The formatter's name (<c>Logging:Console:FormatterName</c>).</summary>
    public const string FormatterName = "portal-json";

    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
    private readonly IDisposable? _reload;
    private PortalJsonConsoleFormatterOptions _options;
    private string? _node;

    /// <summary>Creates the formatter with (reloadable) options.</summary>
    public PortalJsonConsoleFormatter(IOptionsMonitor<PortalJsonConsoleFormatterOptions> options)
        : base(FormatterName)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.CurrentValue;
        _reload = options.OnChange(o => (_options, _node) = (o, null));
    }

    /// <inheritdoc/>
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("level", logEntry.LogLevel.ToString());
            writer.WriteString("category", logEntry.Category);
            writer.WriteNumber("eventId", logEntry.EventId.Id);
            if (logEntry.EventId.Name is { Length: > 0 } eventName)
            {
                writer.WriteString("eventName", eventName);
            }

            writer.WriteString("message", message ?? "");
            if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
            {
                writer.WriteString("traceId", activity.TraceId.ToHexString());
                writer.WriteString("spanId", activity.SpanId.ToHexString());
            }

            if (NodeName() is { } node)
            {
                writer.WriteString("node", node);
            }

            if (logEntry.Exception is { } exception)
            {
                writer.WriteString("exceptionType", exception.GetType().FullName);
                writer.WriteString("exception", exception.ToString());
            }

            WriteFields(writer, "fields", logEntry.State as IReadOnlyList<KeyValuePair<string, object?>>);
            if (_options.IncludeScopes && scopeProvider is not null)
            {
                WriteScopes(writer, scopeProvider);
            }

            writer.WriteEndObject();
        }

        textWriter.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        textWriter.Write('\n');
    }

    /// <inheritdoc/>
    public void Dispose() => _reload?.Dispose();

    private string? NodeName()
    {
        if (_node is not null)
        {
            return _node;
        }

        try
        {
            return _node = _options.NodeName?.Invoke();
        }
        catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException or ObjectDisposedException)
        {
            // Not resolvable yet (or a bad Cluster:NodeName the start-up validation reports): the line goes out without it.
            return null;
        }
    }

    private static void WriteFields(Utf8JsonWriter writer, string name, IReadOnlyList<KeyValuePair<string, object?>>? values)
    {
        if (values is null || values.Count == 0 || (values.Count == 1 && values[0].Key == "{OriginalFormat}"))
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            if (key != "{OriginalFormat}")
            {
                WriteValue(writer, key, value);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteScopes(Utf8JsonWriter writer, IExternalScopeProvider scopeProvider)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var started = false;
        scopeProvider.ForEachScope((scope, state) =>
        {
            if (scope is not IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                return;
            }

            foreach (var (key, value) in pairs)
            {
                // The activity's ids are already top-level fields; {OriginalFormat} is no value.
                if (key is "{OriginalFormat}" or "TraceId" or "SpanId" or "ParentId" || !seen.Add(key))
                {
                    continue;
                }

                if (!started)
                {
                    state.WriteStartObject("scope");
                    started = true;
                }

                WriteValue(state, key, value);
            }
        }, writer);
        if (started)
        {
            writer.WriteEndObject();
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, string key, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(key);
                break;
            case bool b:
                writer.WriteBoolean(key, b);
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                writer.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                writer.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset or DateTime:
                writer.WriteString(key, ((IFormattable)value).ToString("O", CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
