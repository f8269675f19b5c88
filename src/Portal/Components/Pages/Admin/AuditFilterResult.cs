using GatewayPortal.Identity.Audit;

namespace GatewayPortal.Portal.Components.Pages.Admin;

/// <summary>A parsed audit filter and the resource keys of anything that was wrong.</summary>
public sealed record AuditFilterResult(SignInAuditQuery Query, IReadOnlyList<string> Errors);
