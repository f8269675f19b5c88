namespace GatewayPortal.Search.Indexing;

/// <summary>
/// Thrown by an <see cref="ISearchSource"/> whose backing system cannot be read just now (e.g. the directory is down):
/// a scheduled re-read keeps the source's documents as they were and tries again at its next run.
/// </summary>
public sealed class SearchSourceUnavailableException : Exception
{
    public SearchSourceUnavailableException()
    {
    }

    public SearchSourceUnavailableException(string message)
        : base(message)
    {
    }

    public SearchSourceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
