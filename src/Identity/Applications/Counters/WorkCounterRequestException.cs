namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>A request body that cannot be read at all (bad JSON, wrong types, too many items): answered 400.</summary>
public sealed class WorkCounterRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkCounterRequestException()
    {
    }

    /// <summary>Creates the exception with the message shown to the caller.</summary>
    public WorkCounterRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message shown to the caller and its cause.</summary>
    public WorkCounterRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
