using System.Globalization;
using System.Net;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Bench.LoadKit;

/// <summary>
/// Command-line options every load generator shares (<c>--name value</c> pairs), plus the tool's own options in
/// <see cref="Extra"/>.
/// </summary>
public sealed record LoadOptions(
    Uri Url, int Concurrency, TimeSpan Duration, TimeSpan Warmup, int Users, int UsersSeed, string? OutputPath, string Label,
    IReadOnlyList<WatchedProcess> Watch, double? MaxOtherPercent, IReadOnlyDictionary<string, string> Extra)
{
    /// <summary>The shared part of a tool's usage text.</summary>
    public const string CommonUsage =
        "[--url http://127.0.0.1:5100] [--concurrency 32] [--duration 30] [--warmup 5]\n" +
        "       [--users 50000] [--users-seed 20261123] [--out fragment.md] [--label text] [--watch name=pid,...] [--max-other percent]\n" +
        "       [--trust-cert proxy.pem]\n" +
        "Loopback URLs only. --watch samples the CPU time of other processes (portal, slapd) during the measured window;\n" +
        "name=pid+ adds the process's children (PostgreSQL's backends, nginx's workers).\n" +
        "--trust-cert: an https URL's server may present exactly this (self-signed) certificate, for a bench against a local proxy.\n" +
        "--max-other: when the CPU used by everything else in the window exceeds this share, the row is not written to --out\n" +
        "and the exit code is 3 (the window was disturbed; run it again).";

    /// <summary>Parses the shared options; <paramref name="extraNames"/> are the tool's own, returned in <see cref="Extra"/>.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args, params string[] extraNames)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected '--name value', got '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string[] known = ["url", "concurrency", "duration", "warmup", "users", "users-seed", "out", "label", "watch", "max-other", "trust-cert", .. extraNames];
        if (values.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw new ArgumentException($"unknown option --{unknown}");
        }

        var url = new Uri(values.GetValueOrDefault("url", "http://127.0.0.1:5100"), UriKind.Absolute);
        if (!IsLoopback(url))
        {
            throw new ArgumentException($"refusing a non-loopback URL: {url}");
        }

        var concurrency = Int(values, "concurrency", 32, 1, 1024);
        double? maxOther = values.TryGetValue("max-other", out var maxText)
            ? double.TryParse(maxText, NumberStyles.Float, CultureInfo.InvariantCulture, out var max) && max is >= 0 and <= 100
                ? max
                : throw new ArgumentException($"--max-other must be a percentage from 0 to 100, got '{maxText}'")
            : null;
        return new LoadOptions(
            url,
            concurrency,
            TimeSpan.FromSeconds(Int(values, "duration", 30, 1, 600)),
            TimeSpan.FromSeconds(Int(values, "warmup", 5, 0, 120)),
            Int(values, "users", 50_000, OrganizationGenerator.MinUsers, OrganizationGenerator.MaxUsers),
            Int(values, "users-seed", OrganizationGenerator.DefaultSeed, int.MinValue, int.MaxValue),
            values.GetValueOrDefault("out"),
            values.GetValueOrDefault("label", $"concurrency {concurrency}"),
            values.TryGetValue("watch", out var watch) ? WatchedProcess.ParseList(watch) : [],
            maxOther,
            extraNames.Where(values.ContainsKey).ToDictionary(n => n, n => values[n], StringComparer.Ordinal))
        {
            TrustCertificatePath = values.TryGetValue("trust-cert", out var pem)
                ? File.Exists(pem) ? pem : throw new ArgumentException($"--trust-cert: no such file '{pem}'")
                : null,
        };
    }

    /// <summary>
    /// A PEM certificate the https server may present although no authority vouches for it (the kit's self-signed
    /// proxy certificate); null: the usual validation only.
    /// </summary>
    public string? TrustCertificatePath { get; init; }

    /// <summary>A tool option from <see cref="Extra"/> that must be one of <paramref name="allowed"/>.</summary>
    public string Choice(string name, string fallback, params string[] allowed)
    {
        var value = Extra.GetValueOrDefault(name, fallback);
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new ArgumentException($"--{name} must be one of {string.Join(", ", allowed)}, got '{value}'");
    }

    private static bool IsLoopback(Uri url) =>
        url.Scheme is "http" or "https"
        && (url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    private static int Int(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"--{name} must be an integer from {min} to {max}, got '{text}'");
    }
}
