namespace GatewayPortal.Boards.Access;

/// <summary>The directory could not answer whether a group exists.</summary>
public sealed class BoardDirectoryUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BoardDirectoryUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BoardDirectoryUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public BoardDirectoryUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
