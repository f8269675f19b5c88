namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>Work waiting for a person in a system, as the system last reported it (e.g. 결재 대기 3).</summary>
/// <param name="ApplicationId">The reporting application's row id.</param>
/// <param name="ClientId">The reporting application's client id.</param>
/// <param name="Key">The counter's name within the application (e.g. <c>approvals</c>).</param>
/// <param name="LabelKo">The Korean label (e.g. 결재 대기).</param>
/// <param name="LabelEn">The English label, when the system sent one.</param>
/// <param name="Value">The count; never zero here (zero counters are not returned).</param>
/// <param name="Url">Where in the system the work is (same origin as the system's launch URL), or null for the launch URL.</param>
/// <param name="UpdatedAt">When the system last set it.</param>
public sealed record WorkCounter(
    int ApplicationId,
    string ClientId,
    string Key,
    string LabelKo,
    string? LabelEn,
    long Value,
    string? Url,
    DateTimeOffset UpdatedAt);
