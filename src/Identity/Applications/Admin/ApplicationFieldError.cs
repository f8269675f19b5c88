namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>A problem with one field of an application entry.</summary>
/// <param name="Field">The catalogue field name, e.g. <c>nameKo</c> or <c>redirectUris[1]</c>.</param>
/// <param name="Problem">What is wrong (English, from the catalogue validator).</param>
/// <param name="Kind">What kind of problem it is, so pages can localize the common ones.</param>
/// <param name="Value">The offending value, when <paramref name="Kind"/> names one (e.g. the unknown group).</param>
public sealed record ApplicationFieldError(string Field, string Problem, ApplicationFieldErrorKind Kind = ApplicationFieldErrorKind.Catalogue, string? Value = null)
{
    /// <summary>The field without an index: <c>redirectUris[1]</c> → <c>redirectUris</c>.</summary>
    public string BaseField => Field.IndexOf('[', StringComparison.Ordinal) is var i and >= 0 ? Field[..i] : Field;
}
