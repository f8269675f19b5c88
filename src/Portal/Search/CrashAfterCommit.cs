namespace GatewayPortal.Portal.Search;

/// <summary>
/// Fault injection for the outbox test: with <c>Testing:FailFastAfterWikiSave</c> set (never honoured in Production)
/// the process dies right after a wiki save commits, before this node updates its index, as a crash would.
/// </summary>
public sealed class CrashAfterCommit(IConfiguration configuration, IHostEnvironment environment)
{
    /// <summary>The setting's name.</summary>
    public const string WikiSaveSetting = "Testing:FailFastAfterWikiSave";

    private readonly bool _enabled = !environment.IsProduction() && configuration.GetValue<bool>(WikiSaveSetting);

    /// <summary>Ends the process at once when the setting is on.</summary>
    public void AfterWikiSave()
    {
        if (_enabled)
        {
            Environment.FailFast("Fault injection: " + WikiSaveSetting);
        }
    }
}
