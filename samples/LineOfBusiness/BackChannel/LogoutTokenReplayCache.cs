namespace GatewayPortal.Samples.LineOfBusiness.BackChannel;

/// <summary>Bounded in-memory set of logout token <c>jti</c> values, each kept until its token could no longer validate.</summary>
public sealed class LogoutTokenReplayCache(TimeProvider timeProvider)
{
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="jti"/>; false when it was already seen.</summary>
    /// <param name="jti">The token's id.</param>
    /// <param name="forgetAfter">When the token stops validating (exp plus clock skew).</param>
    public bool TryAdd(string jti, DateTimeOffset forgetAfter)
    {
        ArgumentException.ThrowIfNullOrEmpty(jti);
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (_seen.TryGetValue(jti, out var existing) && existing > now)
            {
                return false;
            }

            if (_seen.Count >= Capacity)
            {
                foreach (var expired in _seen.Where(p => p.Value <= now).Select(p => p.Key).ToList())
                {
                    _seen.Remove(expired);
                }
            }

            if (_seen.Count >= Capacity)
            {
                // Still full of live entries: forget the one that would expire first.
                _seen.Remove(_seen.MinBy(p => p.Value).Key);
            }

            _seen[jti] = forgetAfter;
            return true;
        }
    }
}
