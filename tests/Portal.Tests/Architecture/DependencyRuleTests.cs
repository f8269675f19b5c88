using System.Xml.Linq;

namespace GatewayPortal.Portal.Tests.Architecture;

/// <summary>
/// The dependency rule (issue #14): a library references no other project, so none reaches into another library or the
/// Portal; each declares the interfaces it needs and the Portal adapts. Read from the project files and the built assemblies.
/// </summary>
public sealed class DependencyRuleTests
{
    public static TheoryData<string> Libraries => ["Identity", "Wiki", "Search", "Cluster", "Boards"];

    [Theory]
    [MemberData(nameof(Libraries))]
    public void ProjectFile_Library_ReferencesNoOtherProject(string library)
    {
        // Arrange
        var project = Path.Combine(RepositoryRoot(), "src", library, library + ".csproj");

        // Act
        var references = XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => (string?)r.Attribute("Include")).ToList();

        // Assert
        Assert.True(references.Count == 0, $"{library} references {string.Join(", ", references)}; libraries reference no project");
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Assembly_Library_ReferencesNoOtherGatewayPortalAssembly(string library)
    {
        // Arrange
        var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "GatewayPortal." + library)
            ?? System.Reflection.Assembly.Load("GatewayPortal." + library);

        // Act
        var ours = assembly.GetReferencedAssemblies().Select(a => a.Name ?? "")
            .Where(n => n.StartsWith("GatewayPortal.", StringComparison.Ordinal)).ToList();

        // Assert
        Assert.True(ours.Count == 0, $"GatewayPortal.{library} references {string.Join(", ", ours)}");
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
