namespace GatewayPortal.Portal.Components.Pages.Admin.Applications;

/// <summary>The status form of the edit page.</summary>
public sealed class StatusForm
{
    public string? Status { get; set; }

    public string? MessageKo { get; set; }

    public string? MessageEn { get; set; }
}
