namespace GatewayPortal.Portal;

/// <summary>Marker for the portal's UI strings: Resources/SharedResource.resx (Korean) and .en.resx.</summary>
public sealed class SharedResource;
