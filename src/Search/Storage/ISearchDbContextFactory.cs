namespace GatewayPortal.Search.Storage;

/// <summary>Short-lived contexts for work that belongs to no request (the host implements it from its context factory).</summary>
public interface ISearchDbContextFactory
{
    /// <summary>A new context; the caller disposes it.</summary>
    Task<ISearchDbContext> CreateDbContextAsync(CancellationToken cancellationToken);
}
