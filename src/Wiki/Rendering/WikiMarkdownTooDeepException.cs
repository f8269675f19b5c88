namespace GatewayPortal.Wiki.Rendering;

/// <summary>The Markdown nests blocks or inlines deeper than the parser allows (<see cref="Limit"/>); it cannot be parsed or rendered.</summary>
public sealed class WikiMarkdownTooDeepException : Exception
{
    /// <summary>Creates the exception for a document past <paramref name="limit"/> levels.</summary>
    public WikiMarkdownTooDeepException(int limit, Exception? innerException = null)
        : base($"The Markdown is nested deeper than {limit} levels.", innerException) => Limit = limit;

    /// <summary>Creates the exception with the default message.</summary>
    public WikiMarkdownTooDeepException()
        : this(0)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WikiMarkdownTooDeepException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WikiMarkdownTooDeepException(string message)
        : base(message)
    {
    }

    /// <summary>The parser's nesting limit.</summary>
    public int Limit { get; }
}
