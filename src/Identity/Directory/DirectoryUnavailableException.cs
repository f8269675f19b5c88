namespace GatewayPortal.Identity.Directory;

/// <summary>Thrown when no configured directory server can be reached in time.</summary>
public sealed class DirectoryUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DirectoryUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DirectoryUnavailableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the last server's error.</summary>
    public DirectoryUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
