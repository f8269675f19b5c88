namespace GatewayPortal.Testing;

/// <summary>Finds the repository root (the folder holding GatewayPortal.sln).</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The repository root.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "GatewayPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"GatewayPortal.sln not found above {AppContext.BaseDirectory}.");
    }
}
