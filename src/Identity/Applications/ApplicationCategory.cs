namespace GatewayPortal.Identity.Applications;

/// <summary>A launcher section.</summary>
/// <param name="Code">The code stored in <see cref="PortalApplication.Category"/>.</param>
/// <param name="NameKo">The Korean name.</param>
/// <param name="NameEn">The English name.</param>
public sealed record ApplicationCategory(string Code, string NameKo, string NameEn);
