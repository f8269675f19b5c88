using System.Security.Claims;
using System.Security.Cryptography;
using GatewayPortal.Identity.Oidc.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GatewayPortal.Identity.Tests.Oidc.Keys;

public sealed class OidcKeyRingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RefreshAsync_EmptyDatabase_PutsOneEs256OneRs256AndOneAesKeyInForce()
    {
        // Arrange
        await using var host = new KeyRingHost();

        // Act
        await host.Ring.RefreshAsync(Cancel);
        var keys = await host.Ring.ListAsync(Cancel);

        // Assert
        var current = host.Ring.Current;
        var es256 = Assert.IsType<ECDsaSecurityKey>(current.SigningFor(OidcKeyAlgorithms.Es256)?.Key);
        Assert.Equal(256, es256.KeySize);
        Assert.IsType<RsaSecurityKey>(current.SigningFor(OidcKeyAlgorithms.Rs256)?.Key);
        var aes = Assert.IsType<SymmetricSecurityKey>(current.Encrypting?.Key);
        Assert.Equal(256, aes.KeySize);
        Assert.Equal(OidcKeyAlgorithms.Es256, current.Signing[0].Algorithm); // OpenIddict's fallback is the first: ES256.
        Assert.Equal(
            [("enc", "A256KW"), ("sig", "ES256"), ("sig", "RS256")],
            keys.Where(k => k.Status == "active").Select(k => (k.Use, k.Algorithm)).Order().ToList());
        Assert.DoesNotContain(keys, k => k.Algorithm == OidcKeyAlgorithms.RsaOaep);
    }

    [Fact]
    public async Task RefreshAsync_WithinPrePublication_PublishesTheSuccessorOfEachKindAhead()
    {
        // Arrange
        await using var host = new KeyRingHost();
        await host.Ring.RefreshAsync(Cancel);
        var first = host.Ring.Current;

        // Act
        host.Time.Advance(host.Options.KeyLifetime - host.Options.KeyPrePublication + TimeSpan.FromMinutes(1));
        await host.Ring.RefreshAsync(Cancel);
        var keys = await host.Ring.ListAsync(Cancel);

        // Assert: the keys in force did not change; a successor of each kind is listed and (signing) published.
        Assert.Equal(first.SigningFor(OidcKeyAlgorithms.Es256)!.Key.KeyId, host.Ring.Current.SigningFor(OidcKeyAlgorithms.Es256)!.Key.KeyId);
        Assert.Equal(["A256KW", "ES256", "RS256"], keys.Where(k => k.Status == "upcoming").Select(k => k.Algorithm).Order().ToArray());
        Assert.Equal(4, host.Ring.Current.Signing.Count);
        Assert.Equal(2, host.Ring.Current.Encryption.Count);
    }

    [Fact]
    public async Task RotateNowAsync_Signing_ReplacesBothAlgorithmsAndKeepsTheOldOnesUntilRetentionEnds()
    {
        // Arrange
        await using var host = new KeyRingHost();
        await host.Ring.RefreshAsync(Cancel);
        var before = host.Ring.Current;
        var oldEs = before.SigningFor(OidcKeyAlgorithms.Es256)!.Key.KeyId;
        var oldRs = before.SigningFor(OidcKeyAlgorithms.Rs256)!.Key.KeyId;

        // Act
        var retired = await host.Ring.RotateNowAsync(OidcKeyRing.SigningUse, Cancel);
        var after = host.Ring.Current;
        host.Time.Advance(host.Options.KeyRetention + TimeSpan.FromMinutes(1));
        await host.Ring.RefreshAsync(Cancel);
        var later = host.Ring.Current;

        // Assert
        Assert.Equal(new[] { oldEs, oldRs }.Order(StringComparer.Ordinal), retired.Order(StringComparer.Ordinal));
        Assert.NotEqual(oldEs, after.SigningFor(OidcKeyAlgorithms.Es256)!.Key.KeyId);
        Assert.NotEqual(oldRs, after.SigningFor(OidcKeyAlgorithms.Rs256)!.Key.KeyId);
        Assert.Contains(after.Signing, c => c.Key.KeyId == oldEs); // Retained: still published.
        Assert.Contains(after.Signing, c => c.Key.KeyId == oldRs);
        Assert.Equal(before.Encrypting!.Key.KeyId, after.Encrypting!.Key.KeyId); // enc untouched.
        Assert.DoesNotContain(later.Signing, c => c.Key.KeyId == oldEs || c.Key.KeyId == oldRs);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("A256KW")]
    public async Task RotateNowAsync_OneAlgorithm_ReplacesOnlyThatKind(string algorithm)
    {
        // Arrange
        await using var host = new KeyRingHost();
        await host.Ring.RefreshAsync(Cancel);
        var before = await host.Ring.ListAsync(Cancel);

        // Act
        var retired = await host.Ring.RotateNowAsync(algorithm, Cancel);
        var after = await host.Ring.ListAsync(Cancel);

        // Assert
        var old = Assert.Single(retired);
        Assert.Equal(algorithm, before.Single(k => k.Id == old).Algorithm);
        Assert.Equal("retained", after.Single(k => k.Id == old).Status);
        foreach (var other in OidcKeyAlgorithms.InForce.Where(a => a != algorithm))
        {
            Assert.Equal(before.Single(k => k.Algorithm == other && k.Status == "active").Id, after.Single(k => k.Algorithm == other && k.Status == "active").Id);
        }
    }

    [Fact]
    public async Task RetireAsync_KeyInForce_NeedsReplaceAndThenLeavesTheKeySet()
    {
        // Arrange
        await using var host = new KeyRingHost();
        await host.Ring.RefreshAsync(Cancel);
        var es256 = host.Ring.Current.SigningFor(OidcKeyAlgorithms.Es256)!.Key.KeyId;

        // Act
        var refused = await host.Ring.RetireAsync(es256, replace: false, Cancel);
        var retired = await host.Ring.RetireAsync(es256, replace: true, Cancel);

        // Assert
        Assert.Equal(OidcKeyRetirement.InUse, refused);
        Assert.Equal(OidcKeyRetirement.Retired, retired);
        Assert.DoesNotContain(host.Ring.Current.Signing, c => c.Key.KeyId == es256);
        Assert.IsType<ECDsaSecurityKey>(host.Ring.Current.SigningFor(OidcKeyAlgorithms.Es256)?.Key);
    }

    [Fact]
    public async Task RefreshAsync_DatabaseWithOnlyRsaKeys_AddsEcAndAesKeysAndEarlierTokensStillValidate()
    {
        // Arrange: the two RSA keys an earlier version wrote (no algorithm stored), and a token it signed and encrypted.
        await using var host = new KeyRingHost();
        using var rsaSig = RSA.Create(2048);
        using var rsaEnc = RSA.Create(2048);
        var now = host.Time.GetUtcNow().UtcDateTime;
        await host.WithDatabaseAsync(async db =>
        {
            db.OidcKeys.Add(LegacyRow(host, "legacy-sig", "sig", rsaSig, now));
            db.OidcKeys.Add(LegacyRow(host, "legacy-enc", "enc", rsaEnc, now));
            await db.SaveChangesAsync(Cancel);
        });
        var earlierToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://portal.example",
            Subject = new ClaimsIdentity([new Claim("sub", "kim")]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsaSig) { KeyId = "legacy-sig" }, SecurityAlgorithms.RsaSha256),
            EncryptingCredentials = new EncryptingCredentials(new RsaSecurityKey(rsaEnc) { KeyId = "legacy-enc" }, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512),
        });

        // Act
        await host.Ring.RefreshAsync(Cancel);
        var keys = await host.Ring.ListAsync(Cancel);
        var current = host.Ring.Current;
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(earlierToken, new TokenValidationParameters
        {
            ValidIssuer = "https://portal.example",
            ValidateAudience = false,
            IssuerSigningKeys = current.Signing.Select(c => c.Key),
            TokenDecryptionKeys = current.Encryption.Select(c => c.Key),
        });

        // Assert
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("legacy-sig", current.SigningFor(OidcKeyAlgorithms.Rs256)!.Key.KeyId); // Keeps signing for RS256 clients.
        Assert.IsType<ECDsaSecurityKey>(current.SigningFor(OidcKeyAlgorithms.Es256)?.Key);
        Assert.IsType<SymmetricSecurityKey>(current.Encrypting?.Key);
        var legacyEnc = keys.Single(k => k.Id == "legacy-enc");
        Assert.Equal((OidcKeyAlgorithms.RsaOaep, "retained"), (legacyEnc.Algorithm, legacyEnc.Status));
        Assert.True(legacyEnc.ExpiresUtc <= now + host.Options.KeyRetention);
        Assert.Equal(OidcKeyAlgorithms.Rs256, keys.Single(k => k.Id == "legacy-sig").Algorithm);
        await host.WithDatabaseAsync(async db => Assert.False(await db.OidcKeys.AnyAsync(k => k.Algorithm == "", Cancel)));
    }

    private static OidcKey LegacyRow(KeyRingHost host, string id, string use, RSA rsa, DateTime now) => new()
    {
        Id = id,
        Use = use,
        ProtectedKey = host.Protector.Protect(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
        CreatedUtc = now.AddDays(-10),
        ActivatesUtc = now.AddDays(-10),
        RetiresUtc = now.AddDays(80),
        ExpiresUtc = now.AddDays(82),
    };
}
