namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>A problem found while importing.</summary>
/// <param name="Line">The CSV line the row starts on (1 is the header), or null.</param>
/// <param name="Index">The 0-based index in the JSON <c>applications</c> array, or null.</param>
/// <param name="ClientId">The row's client id, when it has one.</param>
/// <param name="Error">The field and problem; field is empty for problems with the whole file.</param>
public sealed record ApplicationImportError(int? Line, int? Index, string? ClientId, ApplicationFieldError Error);
