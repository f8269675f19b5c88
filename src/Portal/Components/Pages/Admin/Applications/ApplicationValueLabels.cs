using GatewayPortal.Identity.Applications;
using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Components.Pages.Admin.Applications;

/// <summary>
/// The one place that names each application status and client type for people (Korean first, English), through the
/// shared resources. Forms post the catalogue spelling (<see cref="ApplicationCatalogNames"/>), never these labels.
/// </summary>
public static class ApplicationValueLabels
{
    /// <summary>"운영 중" / "Active" and so on.</summary>
    public static string Label(this IStringLocalizer localizer, ApplicationStatus status)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[ResourceKey(status)];
    }

    /// <summary>"기밀 클라이언트 …" / "Confidential …" and so on.</summary>
    public static string Label(this IStringLocalizer localizer, ApplicationClientType clientType)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[ResourceKey(clientType)];
    }

    /// <summary>The shared resource holding <paramref name="status"/>'s label.</summary>
    public static string ResourceKey(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Active => "AppStatus_Active",
        ApplicationStatus.Maintenance => "AppStatus_Maintenance",
        ApplicationStatus.Retired => "AppStatus_Retired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an application status."),
    };

    /// <summary>The shared resource holding <paramref name="clientType"/>'s label.</summary>
    public static string ResourceKey(ApplicationClientType clientType) => clientType switch
    {
        ApplicationClientType.Confidential => "ClientType_confidential",
        ApplicationClientType.Public => "ClientType_public",
        _ => throw new ArgumentOutOfRangeException(nameof(clientType), clientType, "Not a client type."),
    };
}
