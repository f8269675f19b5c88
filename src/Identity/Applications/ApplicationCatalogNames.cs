namespace GatewayPortal.Identity.Applications;

/// <summary>
/// The one spelling of <see cref="ApplicationStatus"/> and <see cref="ApplicationClientType"/> values in catalogue files,
/// CSV exports and admin forms: lower case (<c>active</c>, <c>maintenance</c>, <c>retired</c>; <c>confidential</c>,
/// <c>public</c>). The database stores the enum names instead (<c>HasConversion&lt;string&gt;()</c>), and the UI shows
/// each value's localized label.
/// </summary>
public static class ApplicationCatalogNames
{
    /// <summary>The catalogue spelling of <paramref name="status"/>.</summary>
    public static string Of(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Active => "active",
        ApplicationStatus.Maintenance => "maintenance",
        ApplicationStatus.Retired => "retired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an application status."),
    };

    /// <summary>The catalogue spelling of <paramref name="clientType"/>.</summary>
    public static string Of(ApplicationClientType clientType) => clientType switch
    {
        ApplicationClientType.Confidential => "confidential",
        ApplicationClientType.Public => "public",
        _ => throw new ArgumentOutOfRangeException(nameof(clientType), clientType, "Not a client type."),
    };

    /// <summary>The status spelled <paramref name="value"/> (exactly, lower case), or null.</summary>
    public static ApplicationStatus? ParseStatus(string? value) => Parse<ApplicationStatus>(value, Of);

    /// <summary>The client type spelled <paramref name="value"/> (exactly, lower case), or null.</summary>
    public static ApplicationClientType? ParseClientType(string? value) => Parse<ApplicationClientType>(value, Of);

    private static T? Parse<T>(string? value, Func<T, string> name)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(name(candidate), value, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }
}
