using System.Security.Cryptography;
using System.Text;

namespace GatewayPortal.Tools.OrgGen;

/// <summary>OpenLDAP <c>{SSHA}</c> password hashes: base64(SHA-1(password + salt) + salt).</summary>
public static class SshaPassword
{
    /// <summary>Hashes <paramref name="password"/> with <paramref name="salt"/>.</summary>
    public static string Hash(string password, ReadOnlySpan<byte> salt)
    {
        ArgumentNullException.ThrowIfNull(password);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var input = new byte[passwordBytes.Length + salt.Length];
        passwordBytes.CopyTo(input, 0);
        salt.CopyTo(input.AsSpan(passwordBytes.Length));

        // SSHA is defined on SHA-1; it is what slapd verifies, not a choice made here.
#pragma warning disable CA5350
        var digest = SHA1.HashData(input);
#pragma warning restore CA5350
        var output = new byte[digest.Length + salt.Length];
        digest.CopyTo(output, 0);
        salt.CopyTo(output.AsSpan(digest.Length));
        return "{SSHA}" + Convert.ToBase64String(output);
    }
}
