using Microsoft.Extensions.Internal;

namespace GatewayPortal.Portal.IntegrationTests.Infrastructure;

/// <summary>The memory cache's clock read from a <see cref="TimeProvider"/> (the cache takes no TimeProvider of its own).</summary>
internal sealed class TimeProviderSystemClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
