namespace GatewayPortal.Wiki.Pages;

/// <summary>The page changed between the reads made outside the write transaction and the transaction's re-check; the save starts over.</summary>
internal sealed class StaleReadException : Exception
{
    public StaleReadException()
        : base("The wiki page changed while the save was being prepared.")
    {
    }

    public StaleReadException(string message)
        : base(message)
    {
    }

    public StaleReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
