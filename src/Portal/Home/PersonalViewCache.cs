using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.SignIn;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Home;

/// <summary>
/// Keeps what the home (<c>/</c>) and the launcher (<c>/apps</c> without a filter) read for one person for
/// <see cref="Lifetime"/>, so that a person going back to the home does not run its nine queries again (issue #18).
/// An entry is used only while all of these still hold, otherwise it is read again:
/// <list type="bullet">
/// <item>the same variant: language, groups and department (a language switch or a group change
/// in the session gives other tiles, notices and wiki pages);</item>
/// <item>the same catalogue version (<see cref="ApplicationCatalogue.Version"/>: an administrator's edit on this node);</item>
/// <item>the same stamp cookie (<see cref="StampCookie"/>): every write the person makes on any node (a pin, a launch,
/// a notice read, a wiki edit: <see cref="PersonalViewInvalidation"/>) gives the browser a new stamp, so the next page
/// on any node reads again: the person always sees their own changes at once;</item>
/// <item>not older than <see cref="Lifetime"/>: what others change (a counter pushed by a system, a new notice, a wiki
/// edit by a colleague, an administrator's edit on another node) shows within that time.</item>
/// </list>
/// Entries are shared between requests: read them, never change them.
/// </summary>
public sealed class PersonalViewCache(IMemoryCache cache, ApplicationCatalogue catalogue, TimeProvider time, IOptions<HomeCacheOptions> options)
{
    /// <summary>The cookie holding the person's write stamp (opaque; any value only decides whether to read again).</summary>
    public const string StampCookie = "gp_hv";

    /// <summary>The longest accepted stamp; a longer cookie counts as none.</summary>
    public const int MaxStampLength = 32;

    /// <summary>How long an entry may show what others changed (<see cref="HomeCacheOptions.PersonalCacheSeconds"/>).</summary>
    public TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(options.Value.PersonalCacheSeconds);

    /// <summary>The two kinds of entry kept per person.</summary>
    public enum Kind
    {
        /// <summary>The home's <see cref="HomeView"/>.</summary>
        Home,

        /// <summary>The launcher's unfiltered view and its counter badges.</summary>
        Apps,
    }

    /// <summary>The cached value for <paramref name="user"/>, or what <paramref name="load"/> reads (then kept).</summary>
    public async Task<T> GetOrLoadAsync<T>(Kind kind, ClaimsPrincipal user, string? stamp, Func<Task<T>> load)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(load);
        var subject = user.FindFirstValue(PortalClaimTypes.Subject);
        if (string.IsNullOrEmpty(subject) || Lifetime <= TimeSpan.Zero)
        {
            return await load();
        }

        var key = new Key(kind, subject);
        var variant = Variant(user, CultureInfo.CurrentUICulture);
        var version = catalogue.Version;
        stamp = NormalizeStamp(stamp);
        var now = time.GetUtcNow();
        if (cache.TryGetValue(key, out Entry? entry) && entry is not null && entry.Matches(variant, version, stamp, now) && entry.Value is T hit)
        {
            return hit;
        }

        var value = await load();
        cache.Set(key, new Entry(variant, version, stamp, now + Lifetime, value), new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = Lifetime,
            Size = 1,
        });
        return value;
    }

    /// <summary>Forgets everything kept for <paramref name="subject"/> on this node (after the person wrote something).</summary>
    public void Forget(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        foreach (var kind in Enum.GetValues<Kind>())
        {
            cache.Remove(new Key(kind, subject));
        }
    }

    /// <summary>A new random stamp (URL-safe, 16 characters).</summary>
    public static string NewStamp() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stamp as compared: empty for none or for a value longer than <see cref="MaxStampLength"/>.</summary>
    internal static string NormalizeStamp(string? stamp) => stamp is { Length: > 0 and <= MaxStampLength } ? stamp : "";

    /// <summary>
    /// What else than the person decides what the pages show: language, department and groups (sorted; the administrator
    /// policy is decided by groups too).
    /// </summary>
    internal static string Variant(ClaimsPrincipal user, CultureInfo culture)
    {
        var groups = user.FindAll(PortalClaimTypes.Group).Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return string.Join(
            '\n',
            [culture.Name, user.FindFirstValue(PortalClaimTypes.Department) ?? "", .. groups]);
    }

    private sealed record Key(Kind Kind, string Subject);

    private sealed record Entry(string Variant, long CatalogueVersion, string Stamp, DateTimeOffset Expires, object Value)
    {
        public bool Matches(string variant, long version, string stamp, DateTimeOffset now) =>
            now < Expires
            && CatalogueVersion == version
            && string.Equals(Stamp, stamp, StringComparison.Ordinal)
            && string.Equals(Variant, variant, StringComparison.Ordinal);
    }
}
