namespace GatewayPortal.Samples.LineOfBusiness.BackChannel;

public enum LogoutTokenStatus
{
    Valid,
    Invalid,
    IdentityProviderUnavailable,
}
