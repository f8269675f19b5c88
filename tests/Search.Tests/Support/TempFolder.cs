namespace GatewayPortal.Search.Tests.Support;

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("search-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
