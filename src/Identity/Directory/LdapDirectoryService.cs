using System.Diagnostics;
using System.DirectoryServices.Protocols;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Directory;

/// <summary>The directory over LDAP (System.DirectoryServices.Protocols): service-bound searches, user binds, nested groups.</summary>
internal sealed partial class LdapDirectoryService(
    LdapConnectionPools pools, DirectoryGroupCache groups, IOptions<LdapOptions> options, ILogger<LdapDirectoryService> logger)
    : IDirectoryService
{
    private readonly LdapOptions _options = options.Value;

    /// <inheritdoc/>
    public async Task<DirectoryAuthenticationResult> AuthenticateAsync(string login, string password, CancellationToken cancellationToken = default)
    {
        // Every refusal binds once, as a wrong password does, so the answer's timing does not tell which logins
        // exist or are disabled: the refused ones bind as a DN no entry has, which slapd answers invalidCredentials.
        var lookup = await LookupAsync(login, cancellationToken).ConfigureAwait(false);
        if (lookup.Count == 0)
        {
            await DecoyBindAsync(password, cancellationToken).ConfigureAwait(false);
            return DirectoryAuthenticationResult.Failure(DirectoryAuthenticationStatus.UnknownUser);
        }

        if (lookup.Count > 1)
        {
            logger.LogWarning("Login matched {Count} directory entries; refusing it", lookup.Count);
            await DecoyBindAsync(password, cancellationToken).ConfigureAwait(false);
            return DirectoryAuthenticationResult.Failure(DirectoryAuthenticationStatus.AmbiguousLogin);
        }

        // Groups are read only once the password is right: a refusal does no more directory work than an unknown login.
        var user = ToUser(lookup, []);
        if (user.IsDisabled)
        {
            await DecoyBindAsync(password, cancellationToken).ConfigureAwait(false);
            return DirectoryAuthenticationResult.Failure(DirectoryAuthenticationStatus.AccountDisabled, user);
        }

        // An empty password would be an unauthenticated bind, which succeeds.
        if (string.IsNullOrWhiteSpace(password))
        {
            await DecoyBindAsync(password, cancellationToken).ConfigureAwait(false);
            return DirectoryAuthenticationResult.Failure(DirectoryAuthenticationStatus.InvalidPassword, user);
        }

        var verified = await pools.Bind.ExecuteAsync(c => TryBind(c, user.DistinguishedName, password), cancellationToken).ConfigureAwait(false);
        return verified
            ? DirectoryAuthenticationResult.Success(await ToUserAsync(lookup, cancellationToken).ConfigureAwait(false))
            : DirectoryAuthenticationResult.Failure(DirectoryAuthenticationStatus.InvalidPassword, user);
    }

    /// <inheritdoc/>
    public async Task<DirectoryUser?> FindUserAsync(string login, CancellationToken cancellationToken = default)
    {
        var lookup = await LookupAsync(login, cancellationToken).ConfigureAwait(false);
        return lookup.Count == 1 ? await ToUserAsync(lookup, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <inheritdoc/>
    public async Task<DirectoryUser?> FindUserBySubjectAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(subjectId, out var uuid))
        {
            return null;
        }

        var filter = $"(&{_options.UserObjectFilter}(entryUUID={uuid:D}))";
        var lookup = await SearchUsersAsync(filter, cancellationToken).ConfigureAwait(false);
        return lookup.Count == 1 ? await ToUserAsync(lookup, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <inheritdoc/>
    public async Task<DirectoryHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var server = await pools.Search.ExecuteAsync(
                c =>
                {
                    var request = new SearchRequest(_options.BaseDn, "(objectClass=*)", SearchScope.Base, "1.1") { TimeLimit = _options.OperationTimeout };
                    c.Connection.SendRequest(request, _options.OperationTimeout);
                    return c.Server.Url;
                },
                cancellationToken).ConfigureAwait(false);
            return new DirectoryHealth(true, server, stopwatch.Elapsed, null);
        }
        catch (DirectoryUnavailableException ex)
        {
            return new DirectoryHealth(false, null, stopwatch.Elapsed, ex.InnerException?.Message ?? ex.Message);
        }
        catch (DirectoryOperationException ex)
        {
            return new DirectoryHealth(false, null, stopwatch.Elapsed, ex.Message);
        }
    }

    // A bind that cannot succeed: a DN under the user search base that no entry has (a fresh GUID each time) and a
    // non-empty password, so it is never an unauthenticated bind.
    private Task<bool> DecoyBindAsync(string? password, CancellationToken cancellationToken)
    {
        var dn = "uid=" + Guid.NewGuid().ToString("N") + ",ou=nobody," + _options.EffectiveUserSearchBase;
        var secret = string.IsNullOrWhiteSpace(password) ? "-" : password;
        return pools.Bind.ExecuteAsync(c => TryBind(c, dn, secret), cancellationToken);
    }

    private bool TryBind(PooledLdapConnection connection, string dn, string password)
    {
        try
        {
            connection.Connection.Bind(new NetworkCredential(dn, password));
            return true;
        }
        catch (LdapException ex) when (ex.ErrorCode == LdapFailures.InvalidCredentials)
        {
            return false;
        }
        catch (Exception ex) when (ex is LdapException or DirectoryOperationException && !LdapFailures.IsServerFailure(ex))
        {
            // E.g. a password policy refusing the bind: a failed sign-in, not an outage.
            logger.LogWarning("The directory refused a bind for {Dn}: {Error}", dn, ex.Message);
            return false;
        }
    }
}
