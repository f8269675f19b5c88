namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>An item that was not applied, and why.</summary>
/// <param name="Index">The item's position in the request (0-based).</param>
/// <param name="Sub">The item's subject id as sent (cut to 64 characters).</param>
/// <param name="Key">The item's key as sent (cut to 40 characters).</param>
/// <param name="Error">A stable code: <c>invalid_sub</c>, <c>sub_not_allowed</c>, <c>invalid_key</c>, <c>invalid_label</c>,
/// <c>invalid_value</c>, <c>invalid_url</c>, <c>url_not_allowed</c>, <c>invalid_ttl</c>, <c>duplicate</c>.</param>
/// <param name="Message">What is wrong, in English.</param>
public sealed record WorkCounterRejection(int Index, string? Sub, string? Key, string Error, string Message);
