using System.Reflection;
using System.Xml.Linq;

namespace GatewayPortal.Data.Tests;

/// <summary>The data assemblies sit between the libraries and the host: they may reference libraries, never the Portal.</summary>
public sealed class DataDependencyTests
{
    public static TheoryData<string> Projects => ["Data", "Data.Sqlite", "Data.Postgres"];

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectFile_DataProject_DoesNotReferenceThePortal(string project)
    {
        // Arrange
        var file = Path.Combine(RepositoryRoot(), "src", project, project + ".csproj");

        // Act
        var references = XDocument.Load(file).Descendants("ProjectReference").Select(r => (string?)r.Attribute("Include") ?? "").ToList();

        // Assert
        Assert.DoesNotContain(references, r => r.Contains("Portal", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Assembly_DataProject_DoesNotReferenceThePortal(string project)
    {
        // Arrange
        var assembly = Assembly.Load("GatewayPortal." + project);

        // Act
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        // Assert
        Assert.DoesNotContain("GatewayPortal.Portal", references);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GatewayPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("GatewayPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
