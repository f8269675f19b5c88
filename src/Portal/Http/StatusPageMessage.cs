namespace GatewayPortal.Portal.Http;

/// <summary>
/// Set on a request that a middleware refused with a status and no body, so that the status page it is re-executed on
/// explains the specific reason instead of the status's generic text.
/// </summary>
/// <param name="TitleKey">The resource key of the heading.</param>
/// <param name="TextKey">The resource key of the explanation; <c>{0}</c> is <paramref name="Argument"/>.</param>
/// <param name="Argument">A value the explanation names (a parameter's name), or empty.</param>
public sealed record StatusPageMessage(string TitleKey, string TextKey, string Argument = "");
