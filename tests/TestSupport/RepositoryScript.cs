using System.Diagnostics;

namespace GatewayPortal.Testing;

/// <summary>Runs the repository's scripts (<c>scripts/slapd.sh</c>, <c>scripts/postgres.sh</c>): the one place that knows how to run a server.</summary>
internal static class RepositoryScript
{
    /// <summary>Runs <c>scripts/slapd.sh</c>.</summary>
    public static Task<string> SlapdAsync(CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync("slapd.sh", environment: null, cancellationToken, arguments);

    /// <summary>Runs <c>scripts/slapd.sh</c>; <paramref name="ldapsPort"/> (for <c>start</c>/<c>clone</c>) adds an ldaps:// listener.</summary>
    public static Task<string> SlapdAsync(string ldapsPort, CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync("slapd.sh", new Dictionary<string, string> { ["SLAPD_LDAPS_PORT"] = ldapsPort }, cancellationToken, arguments);

    /// <summary>Runs <c>scripts/postgres.sh</c>.</summary>
    public static Task<string> PostgresAsync(CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync("postgres.sh", environment: null, cancellationToken, arguments);

    private static async Task<string> RunAsync(
        string script, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken, string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", script));
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
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
                $"scripts/{script} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Trim()} {output.Trim()}");
        }

        return output.Trim();
    }
}
