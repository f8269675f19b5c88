namespace GatewayPortal.Portal.Localization;

/// <summary>The cultures the UI speaks: Korean first (the default for everyone), English on request.</summary>
public static class PortalCultures
{
    /// <summary>The default culture.</summary>
    public const string Default = "ko";

    /// <summary>The cultures the UI speaks; the first is the default.</summary>
    public static readonly string[] Supported = [Default, "en"];
}
