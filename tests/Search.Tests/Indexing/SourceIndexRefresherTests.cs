using System.Runtime.CompilerServices;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Tests.Support;
using GatewayPortal.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GatewayPortal.Search.Tests.Indexing;

/// <summary>The scheduled re-read of one source: what it changes, and what an unavailable source leaves alone.</summary>
public sealed class SourceIndexRefresherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteAsync_SourceUnavailable_KeepsItsDocumentsAndTriesAgain()
    {
        // Arrange: the source's people are indexed, then the source becomes unreadable.
        using var index = new TestIndex().With(Docs.Make("person:kim", "김민수", source: SearchSources.Person));
        var source = new FlakySource { Unavailable = true };
        using var refresher = new SourceIndexRefresher(
            index.Index, source, TimeSpan.Zero, TimeSpan.FromMilliseconds(20), NullLogger<SourceIndexRefresher>.Instance);

        // Act: let it fail a few times, then make the source readable again with a different person.
        await refresher.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => source.Reads >= 3, Patience, "three re-reads of the unavailable source");
        var whileDown = index.Ids("김민수");
        source.Unavailable = false;
        await Eventually.UntilAsync(
            () => { index.Index.Refresh(); return index.Ids("이서연").Count == 1; }, Patience, "the re-read after the source recovered");
        await refresher.StopAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(["person:kim"], whileDown);
        Assert.False(refresher.ExecuteTask?.IsFaulted);
        Assert.Empty(index.Ids("김민수"));
    }

    [Fact]
    public async Task ExecuteAsync_FullRebuildRunning_ReadsTheSourceSoonAfterInsteadOfNextInterval()
    {
        // Arrange: a full rebuild of another source is running (held open) when the first re-read is due.
        using var index = new TestIndex();
        var held = new HeldSource();
        var fullRebuild = index.Index.RebuildAsync([held], progress: null, TestContext.Current.CancellationToken);
        await held.Started.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        var source = new FlakySource();
        using var refresher = new SourceIndexRefresher(index.Index, source, TimeSpan.Zero, TimeSpan.FromHours(1), NullLogger<SourceIndexRefresher>.Instance);

        // Act
        await refresher.StartAsync(TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        held.Release.SetResult();
        await fullRebuild;
        await Eventually.UntilAsync(
            () => { index.Index.Refresh(); return index.Ids("이서연").Count == 1; }, Patience, "the re-read after the full rebuild ended");
        await refresher.StopAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, source.Reads);
        Assert.False(refresher.ExecuteTask?.IsFaulted);
    }

    private sealed class HeldSource : ISearchSource
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => SearchSources.Wiki;

        public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            yield return Docs.Make("wiki:held", "대기 문서", source: SearchSources.Wiki);
        }
    }

    private sealed class FlakySource : ISearchSource
    {
        private int _reads;

        public volatile bool Unavailable;

        public int Reads => Volatile.Read(ref _reads);

        public string Name => SearchSources.Person;

        public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            await Task.Yield();
            if (Unavailable)
            {
                throw new SearchSourceUnavailableException("The directory is down.");
            }

            yield return Docs.Make("person:lee", "이서연", source: SearchSources.Person);
        }
    }
}
