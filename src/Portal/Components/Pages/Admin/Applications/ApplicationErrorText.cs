using GatewayPortal.Identity.Applications.Admin;
using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Components.Pages.Admin.Applications;

/// <summary>Localized text for registry errors; catalogue rules other than "required" keep the validator's English text.</summary>
public static class ApplicationErrorText
{
    /// <summary>The message for <paramref name="error"/>, without the field name.</summary>
    public static string Message(IStringLocalizer localizer, ApplicationFieldError error)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            ApplicationFieldErrorKind.Catalogue when error.Problem == "is required." => localizer["AppErrRequired"],
            ApplicationFieldErrorKind.Catalogue when error.BaseField == "idTokenSignedResponseAlg" => localizer["AppErrSigningAlgorithm", error.Value ?? ""],
            ApplicationFieldErrorKind.Catalogue => error.Problem,
            _ => localizer["AppErr" + error.Kind, error.Value ?? ""],
        };
    }

    /// <summary>The label of a catalogue field, e.g. "이름 (한국어)" for <c>nameKo</c>; the raw name when it has none.</summary>
    public static string Field(IStringLocalizer localizer, string field)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(field);
        var i = field.IndexOf('[', StringComparison.Ordinal);
        var baseField = i >= 0 ? field[..i] : field;
        if (baseField.Length == 0)
        {
            return "";
        }

        var label = localizer["Field_" + baseField];
        return label.ResourceNotFound ? field : i >= 0 ? $"{label.Value} {field[i..]}" : label.Value;
    }
}
