using System.Diagnostics;

namespace GatewayPortal.Testing;

/// <summary>Runs <c>scripts/slapd.sh</c>, the one place that knows how to run slapd.</summary>
internal static class SlapdScript
{
    public static Task<string> RunAsync(CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync(ldapsPort: null, cancellationToken, arguments);

    /// <summary>Runs the script; <paramref name="ldapsPort"/> (for <c>start</c>/<c>clone</c>) adds an ldaps:// listener.</summary>
    public static async Task<string> RunAsync(string? ldapsPort, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", "slapd.sh"));
        if (ldapsPort is not null)
        {
            start.Environment["SLAPD_LDAPS_PORT"] = ldapsPort;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await stdout;
        var error = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/slapd.sh {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Trim()} {output.Trim()}");
        }

        return output.Trim();
    }
}
