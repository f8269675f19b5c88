using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Tests;

/// <summary>An options monitor that always returns one value.</summary>
internal sealed class TestOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
