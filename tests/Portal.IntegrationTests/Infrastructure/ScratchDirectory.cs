namespace GatewayPortal.Portal.IntegrationTests.Infrastructure;

/// <summary>A fresh folder under the temp directory (a node's index, a SQLite file), deleted on dispose.</summary>
public sealed class ScratchDirectory : IDisposable
{
    /// <summary>The folder.</summary>
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"gp-proc-{Guid.NewGuid():N}")).FullName;

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file here is killed by its own dispose; the temp folder is swept by the OS.
        }
    }
}
