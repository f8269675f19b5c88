namespace GatewayPortal.Wiki.Rendering;

/// <summary>What a save needs to know of a text, from one parse: the first limit it exceeds (then no links), or its link targets.</summary>
/// <param name="Violation">The first of the <see cref="WikiContentLimits"/> exceeded, or null.</param>
/// <param name="Links">The distinct wiki link targets (links inside code ignored); empty when <paramref name="Violation"/> is set.</param>
public sealed record WikiTextScan(WikiContentViolation? Violation, IReadOnlySet<Titles.WikiTitle> Links);
