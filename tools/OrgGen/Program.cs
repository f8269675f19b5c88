using System.Diagnostics;

namespace GatewayPortal.Tools.OrgGen;

/// <summary>The command-line entry point.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["-h"] or ["--help"])
        {
            Console.Out.WriteLine(CommandLine.Usage);
            return 0;
        }

        if (args is ["--list-demo-accounts"])
        {
            foreach (var account in DemoAccounts.All)
            {
                Console.Out.WriteLine($"  {account.Uid,-14} {account.Password,-10} {account.DisplayName}  {account.Role}");
            }

            Console.Out.WriteLine($"  (generated staff: any uid, password {CityHall.GeneratedUserPassword})");
            return 0;
        }

        var commandLine = CommandLine.TryParse(args, out var error);
        if (commandLine is null)
        {
            Console.Error.WriteLine("OrgGen: " + error);
            Console.Error.WriteLine(CommandLine.Usage);
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        var organization = OrganizationGenerator.Generate(commandLine.Users, commandLine.Seed);
        if (commandLine.OutputPath == "-")
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), LdifWriter.Encoding) { NewLine = "\n" };
            LdifWriter.Write(organization, stdout);
        }
        else
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(commandLine.OutputPath));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            LdifWriter.WriteFile(organization, commandLine.OutputPath);
        }

        Console.Error.WriteLine(
            $"OrgGen: {organization.People.Count} people, {organization.Teams.Count} teams, {organization.Groups.Count} groups " +
            $"(seed {commandLine.Seed}) in {stopwatch.ElapsedMilliseconds} ms");
        return 0;
    }
}
