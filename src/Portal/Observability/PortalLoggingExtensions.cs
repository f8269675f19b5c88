using GatewayPortal.Cluster;
using GatewayPortal.Portal.Observability;
using Microsoft.Extensions.Logging.Console;

namespace Microsoft.Extensions.Logging;

/// <summary>
/// The console log's format, <c>Logging:Format</c>: <c>json</c> (one JSON object per line with timestamp, level,
/// category, event id, trace and span id and node name; the default outside Development) or <c>text</c> (one line per
/// entry with a UTC timestamp; the Development default).
/// </summary>
public static class PortalLoggingExtensions
{
    /// <summary>The setting's key.</summary>
    public const string FormatKey = "Logging:Format";

    /// <summary>UTC, ISO-8601, milliseconds: the text format's timestamp.</summary>
    public const string TextTimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";

    /// <summary>The format <paramref name="value"/> names, or the environment's default when it is empty.</summary>
    /// <exception cref="InvalidOperationException">The value is neither <c>json</c> nor <c>text</c>; the message names the key.</exception>
    public static PortalLogFormat ParseFormat(string? value, bool isDevelopment) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" => isDevelopment ? PortalLogFormat.Text : PortalLogFormat.Json,
        "JSON" => PortalLogFormat.Json,
        "TEXT" => PortalLogFormat.Text,
        _ => throw new InvalidOperationException($"{FormatKey} '{value}' is not a log format; use json or text."),
    };

    /// <summary>Sets the console's formatter from <c>Logging:Format</c>.</summary>
    public static ILoggingBuilder AddPortalLogging(this ILoggingBuilder logging, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        // A typo fails the start with the key named, before anything is logged.
        ParseFormat(configuration[FormatKey], environment.IsDevelopment());
        logging.AddConsole();
        // Read again when the console logger is built: a host's later configuration sources (tests) count too.
        logging.Services.AddOptions<ConsoleLoggerOptions>().Configure<IConfiguration, IHostEnvironment>((o, settings, host) =>
            o.FormatterName = ParseFormat(settings[FormatKey], host.IsDevelopment()) == PortalLogFormat.Json
                ? PortalJsonConsoleFormatter.FormatterName
                : ConsoleFormatterNames.Simple);
        logging.AddConsoleFormatter<PortalJsonConsoleFormatter, PortalJsonConsoleFormatterOptions>(o => o.IncludeScopes = true);
        logging.Services.AddOptions<PortalJsonConsoleFormatterOptions>().Configure<IServiceProvider>(
            (o, services) => o.NodeName = () => services.GetService<ClusterNode>()?.Name);
        // Not AddSimpleConsole: that one also sets the console's formatter name, overriding the choice above.
        logging.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = TextTimestampFormat;
            o.UseUtcTimestamp = true;
        });
        // /health logs a failing check itself, once per window with a count (HealthEndpoints); the framework's own line
        // would repeat on every poll of a load balancer.
        logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
        return logging;
    }
}

/// <summary>The console log's format.</summary>
public enum PortalLogFormat
{
    /// <summary>One JSON object per line.</summary>
    Json,

    /// <summary>One line of text per entry, with a UTC timestamp.</summary>
    Text,
}
