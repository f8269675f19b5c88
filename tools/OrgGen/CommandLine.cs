using System.Globalization;

namespace GatewayPortal.Tools.OrgGen;

/// <summary>Parsed command-line arguments: <c>--users N --seed S --out path.ldif</c>.</summary>
/// <param name="Users">Number of people, demo accounts included.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="OutputPath">The LDIF file to write, or "-" for standard output.</param>
public sealed record CommandLine(int Users, int Seed, string OutputPath)
{
    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: OrgGen --out <path.ldif|-> [--users <10..1000000>, default 2000] [--seed <int>, default 20261123]\n" +
        "       OrgGen --list-demo-accounts";

    /// <summary>Parses <paramref name="args"/>; on failure returns null and an error message.</summary>
    public static CommandLine? TryParse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        int users = 2000, seed = OrganizationGenerator.DefaultSeed;
        string? output = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"missing value for '{name}'";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--users" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out users)
                    && users is >= OrganizationGenerator.MinUsers and <= OrganizationGenerator.MaxUsers:
                    break;
                case "--users":
                    error = $"--users must be an integer from {OrganizationGenerator.MinUsers} to {OrganizationGenerator.MaxUsers}, got '{value}'";
                    return null;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed):
                    break;
                case "--seed":
                    error = $"--seed must be a 32-bit integer, got '{value}'";
                    return null;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    output = value;
                    break;
                default:
                    error = $"unknown or empty argument '{name}'";
                    return null;
            }
        }

        if (output is null)
        {
            error = "--out is required";
            return null;
        }

        error = null;
        return new CommandLine(users, seed, output);
    }
}
