using System.Diagnostics.Metrics;
using GatewayPortal.Identity.Audit;

namespace GatewayPortal.Identity.Telemetry;

/// <summary>
/// The portal's identity metrics (meter <see cref="MeterName"/>): sign-in events by outcome, token endpoint
/// answers by grant type and result, and LDAP operation latency by pool and result. Exported by the host
/// (OpenTelemetry → Prometheus); cheap to record when nobody listens.
/// </summary>
public sealed class IdentityMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "GatewayPortal.Identity";

    private readonly Counter<long> _signInEvents;
    private readonly Counter<long> _tokenResponses;
    private readonly Histogram<double> _ldapDuration;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public IdentityMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _signInEvents = meter.CreateCounter<long>("gatewayportal.signin.events", "{event}",
            "Audited sign-in events (sign-ins, refusals, sign-outs, application sign-ins) by outcome.");
        _tokenResponses = meter.CreateCounter<long>("gatewayportal.oidc.token.responses", "{response}",
            "Token endpoint answers by grant type and result (issued, or the OAuth error).");
        _ldapDuration = meter.CreateHistogram<double>("gatewayportal.ldap.operation.duration", "s",
            "Time of one directory operation on a pooled connection, including failover.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
    }

    /// <summary>Counts one audited event.</summary>
    public void SignInEvent(SignInOutcome outcome) =>
        _signInEvents.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    /// <summary>
    /// Counts one token endpoint answer; <paramref name="error"/> is null when tokens were issued. A grant type the
    /// portal does not offer is counted as "other": clients choose the value, and labels must stay few.
    /// </summary>
    public void TokenResponse(string? grantType, string? error) =>
        _tokenResponses.Add(1,
            new KeyValuePair<string, object?>("grant_type", grantType is "authorization_code" or "refresh_token" or "client_credentials" ? grantType : "other"),
            new KeyValuePair<string, object?>("result", error ?? "issued"));

    /// <summary>Records how long one LDAP operation took.</summary>
    public void LdapOperation(string pool, TimeSpan duration, bool succeeded) =>
        _ldapDuration.Record(duration.TotalSeconds,
            new KeyValuePair<string, object?>("pool", pool),
            new KeyValuePair<string, object?>("result", succeeded ? "ok" : "error"));
}
