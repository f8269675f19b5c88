namespace GatewayPortal.Portal.SignIn;

/// <summary>The login form's fields.</summary>
public enum LoginField
{
    /// <summary>The user name, mail address or employee number.</summary>
    Login,

    /// <summary>The password.</summary>
    Password,
}
