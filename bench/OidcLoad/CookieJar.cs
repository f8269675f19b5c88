namespace GatewayPortal.Bench.OidcLoad;

/// <summary>One browser's cookies for the one portal host (names and values only; the portal's paths are all "/").</summary>
internal sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public bool Contains(string name) => _cookies.ContainsKey(name);

    /// <summary>Takes in every Set-Cookie of a response; an emptied or expired cookie is dropped.</summary>
    public void Absorb(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var header in values)
        {
            var pair = header.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = pair[..equals].Trim();
            var value = pair[(equals + 1)..].Trim();
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }

    /// <summary>Adds the Cookie header to <paramref name="request"/> when the jar holds any.</summary>
    public void AddTo(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
        }
    }
}
