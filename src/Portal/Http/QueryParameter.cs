namespace GatewayPortal.Portal.Http;

/// <summary>A query-string parameter a page declares.</summary>
/// <param name="Name">The name in the query string.</param>
/// <param name="Type">The type each of its values must parse as.</param>
public sealed record QueryParameter(string Name, Type Type);
