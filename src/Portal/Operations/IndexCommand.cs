using System.Diagnostics;
using System.Globalization;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Portal.Search;
using GatewayPortal.Search.Indexing;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Operations;

/// <summary>
/// <c>index rebuild</c>: rebuilds this node's search index (<c>Search:IndexPath</c>) from the database and the directory
/// while the node is stopped. A running node holds the index; then use its admin page (/admin/search, Rebuild) instead.
/// </summary>
public sealed class IndexCommand : IPortalCommand
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    /// <inheritdoc/>
    public string Name => "index";

    /// <inheritdoc/>
    public string Summary => "rebuild this node's search index while the node is stopped";

    /// <inheritdoc/>
    public string Usage => "index rebuild   (the node must be stopped; a running node rebuilds from /admin/search)";

    /// <inheritdoc/>
    public async Task<int> RunAsync(PortalCommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Arguments.Count != 1 || context.Arguments[0] != "rebuild")
        {
            return context.UsageError(this, context.Arguments.Count == 0 ? "say rebuild." : $"unexpected argument '{context.Arguments[^1]}'.");
        }

        var options = context.Services.GetRequiredService<IOptions<SearchIndexOptions>>().Value;
        if (options.InMemory)
        {
            await context.Error.WriteLineAsync("index: Search:InMemory is set; this node keeps no index on disk to rebuild.");
            return PortalCommandExit.Failed;
        }

        var path = Path.GetFullPath(options.IndexPath);
        if (SearchIndexLock.IsHeld(path))
        {
            await context.Error.WriteLineAsync(
                $"index: the index in {path} (Search:IndexPath) is open in a running node. " +
                "Rebuild it from that node's admin page (/admin/search, Rebuild), or stop the node and run this again.");
            return PortalCommandExit.Failed;
        }

        // Start the node only after the command ends: its index writer would not wait for this one.
        await context.Error.WriteLineAsync($"index: rebuilding {path} (do not start the node until this ends)");
        var index = context.Services.GetRequiredService<ISearchIndex>();
        try
        {
            List<ISearchSource> sources = [.. context.Services.GetServices<ISearchSource>(), context.Services.GetRequiredService<PeopleSearchSource>()];
            var progress = new ProgressLines(context.Error);
            var result = await index.RebuildAsync(sources, progress, cancellationToken);
            var counts = string.Join(", ", result.DocumentsBySource.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value}")));
            var node = context.Services.GetRequiredService<GatewayPortal.Cluster.ClusterNode>().Name;
            await CommandLineAudit.RecordAsync(context, new(AdminAuditActions.SearchIndexRebuild, AdminAuditTargets.SearchIndex, node, node,
                After: new { Path = path, Documents = result.DocumentsBySource.Values.Sum() },
                Summary: $"Search index of node {node} rebuilt from the command line"), cancellationToken);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"rebuilt {path}: {result.DocumentsBySource.Values.Sum()} documents ({counts}) in {result.Elapsed.TotalSeconds:0.0} s"));
            return PortalCommandExit.Ok;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await context.Error.WriteLineAsync($"index: the rebuild failed: {ex.Message}. The node rebuilds the index itself at its next start.");
            return PortalCommandExit.Failed;
        }
        finally
        {
            // Closing commits the index as complete and closed; without it the node would rebuild it again at start.
            (index as IDisposable)?.Dispose();
        }
    }

    // Progress<T> would post to the thread pool and lines could come out of order; this writes where it is called.
    private sealed class ProgressLines(TextWriter writer) : IProgress<RebuildProgress>
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();

        public void Report(RebuildProgress value)
        {
            if (value.SourceCompleted)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"index: {value.Source} done, {value.SourceDocuments} documents (source {value.SourceIndex + 1} of {value.SourceCount})"));
            }
            else if (_since.Elapsed >= ProgressEvery)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"index: {value.Source}: {value.SourceDocuments} documents so far ({value.TotalDocuments} in all)"));
            }
            else
            {
                return;
            }

            _since.Restart();
        }
    }
}
