namespace GatewayPortal.Identity.Applications;

/// <summary>The per-client token options of the registry and their allowed values.</summary>
public static class ApplicationTokenOptions
{
    /// <summary>The signing algorithm of a client that names none (and of every catalogue file written before the option).</summary>
    public const string DefaultSigningAlgorithm = "ES256";

    /// <summary>The signing algorithm of clients registered before the option existed (their relying parties verified RS256).</summary>
    public const string UpgradedSigningAlgorithm = "RS256";

    /// <summary>The values of <see cref="PortalApplication.IdTokenSignedResponseAlg"/>: ECDSA P-256 or RSA, both with SHA-256.</summary>
    public static IReadOnlyList<string> SigningAlgorithms { get; } = [DefaultSigningAlgorithm, "RS256"];
}
