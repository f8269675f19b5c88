using System.Globalization;
using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Localization;

/// <summary>
/// Count strings in both languages. Korean has no plural ("시스템 1개", "시스템 3개"); English uses the singular
/// for exactly 1. A resource <c>Key</c> holds the general (other) form and <c>Key_one</c> the singular.
/// </summary>
public static class PluralStrings
{
    /// <summary>The suffix of the singular form's resource key.</summary>
    public const string OneSuffix = "_one";

    /// <summary>The CLDR plural category of a whole count: "one" or "other".</summary>
    public static string Category(CultureInfo culture, long count)
    {
        ArgumentNullException.ThrowIfNull(culture);

        // Korean, Japanese and Chinese have one form; English and the other European languages we might add have two.
        return culture.TwoLetterISOLanguageName switch
        {
            "ko" or "ja" or "zh" => "other",
            _ => count == 1 ? "one" : "other",
        };
    }

    /// <summary>
    /// The string <paramref name="key"/> (or its singular <c>_one</c> form when the UI language wants it for
    /// <paramref name="count"/>), formatted with <paramref name="arguments"/>; the count itself is <c>{0}</c>
    /// unless arguments are given.
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, string key, long count, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var args = arguments is { Length: > 0 } ? arguments : new object[] { count };
        if (Category(CultureInfo.CurrentUICulture, count) == "one")
        {
            var one = localizer[key + OneSuffix, args];
            if (!one.ResourceNotFound)
            {
                return one;
            }
        }

        return localizer[key, args];
    }
}
