namespace GatewayPortal.Identity.Applications;

/// <summary>What one seeding run did.</summary>
/// <param name="RowsCreated">Catalogue rows created.</param>
/// <param name="ClientsCreated">OpenIddict applications created.</param>
/// <param name="Skipped">Entries whose row and client both existed already.</param>
internal sealed record ApplicationSeedResult(int RowsCreated, int ClientsCreated, int Skipped);
