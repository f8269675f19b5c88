namespace GatewayPortal.Search.Changes;

/// <summary>This node of the cluster, as the change feed names it (the host adapts its own node identity).</summary>
public interface ISearchNode
{
    /// <summary>The node's name in the change feed and crawl status.</summary>
    string Name { get; }
}
