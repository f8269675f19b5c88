using Microsoft.Extensions.Caching.Memory;

namespace GatewayPortal.Identity.SignIn;

/// <summary>
/// Remembers which person a typed login (uid, mail, employee number) named, so that a throttle
/// on the person is checked before the directory is asked again. Bounded in size.
/// </summary>
internal sealed class LoginAliasCache : IDisposable
{
    private static readonly MemoryCacheEntryOptions Lifetime = new() { SlidingExpiration = TimeSpan.FromHours(1), Size = 1 };
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    public string? Find(string loginKey) => _cache.Get<string>(loginKey);

    public void Remember(string loginKey, string subjectId) => _cache.Set(loginKey, subjectId, Lifetime);

    public void Dispose() => _cache.Dispose();
}
