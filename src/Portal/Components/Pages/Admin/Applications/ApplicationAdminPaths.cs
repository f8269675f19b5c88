namespace GatewayPortal.Portal.Components.Pages.Admin.Applications;

/// <summary>Typed links to the registry administration.</summary>
public static class ApplicationAdminPaths
{
    /// <summary>The list.</summary>
    public const string List = "/admin/applications";

    /// <summary>The JSON export.</summary>
    public const string ExportJson = "/admin/applications/export.json";

    /// <summary>The CSV export.</summary>
    public const string ExportCsv = "/admin/applications/export.csv";

    /// <summary>The edit page of one application.</summary>
    public static string Edit(string clientId) => $"/admin/applications/{Uri.EscapeDataString(clientId)}/edit";

    /// <summary>The secret rotation page of one application.</summary>
    public static string Secret(string clientId) => $"/admin/applications/{Uri.EscapeDataString(clientId)}/secret";

    /// <summary>The list with a "saved" notice.</summary>
    public static string Saved(string clientId) => $"{List}?saved={Uri.EscapeDataString(clientId)}";
}
