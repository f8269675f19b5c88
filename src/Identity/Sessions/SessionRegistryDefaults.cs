namespace GatewayPortal.Identity.Sessions;

/// <summary>Fixed rules of the session registry.</summary>
public static class SessionRegistryDefaults
{
    /// <summary>
    /// How long after its start a session without a record still counts as running: rows are written in batches,
    /// usually within milliseconds, by whichever node signed the person in (retries of a failed batch take up to
    /// about two seconds). Older sessions without a row are refused.
    /// </summary>
    public static readonly TimeSpan RecordingGrace = TimeSpan.FromMinutes(2);
}
