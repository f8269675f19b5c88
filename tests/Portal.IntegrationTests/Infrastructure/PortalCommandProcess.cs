using System.Diagnostics;
using System.Text;
using GatewayPortal.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// Runs the built portal once as a real process (a verb, or a start that is expected to end by itself) with settings in
/// environment variables, as an operator's shell or systemd would, and returns its exit code and everything it wrote.
/// </summary>
public static class PortalCommandProcess
{
    /// <summary>The exit code and the merged standard output and error.</summary>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <inheritdoc/>
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    /// <summary>
    /// Runs <c>dotnet GatewayPortal.Portal.dll <paramref name="arguments"/></c> in <c>ASPNETCORE_ENVIRONMENT=Testing</c>;
    /// kills it (exit code -1) when it has not ended within <paramref name="patience"/> (60 s by default).
    /// </summary>
    public static async Task<Result> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(settings);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var dll = Path.Combine(RepositoryRoot.Path, "src", "Portal", "bin", configuration, "net10.0", "GatewayPortal.Portal.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "src", "Portal"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_ENVIRONMENT", "CREDENTIALS_DIRECTORY" })
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(patience ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new Result(-1, await output, await error);
        }

        return new Result(process.ExitCode, await output, await error);
    }
}
