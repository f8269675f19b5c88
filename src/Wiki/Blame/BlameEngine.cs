using GatewayPortal.Wiki.Diff;
using GatewayPortal.Wiki.Text;

namespace GatewayPortal.Wiki.Blame;

/// <summary>
/// Computes line attribution. <see cref="Advance"/> derives a revision's state from its parent's with one line diff;
/// <see cref="ComputeChain"/> runs a whole history and treats a revision whose text equals an earlier one's as a revert,
/// restoring the earlier attribution instead of crediting the reverter. The diff is bounded (<see cref="BoundedLineDiff"/>): on texts
/// too large and different to diff exactly, a replaced stretch is credited to the revision that replaced it.
/// </summary>
public static class BlameEngine
{
    /// <summary>The state of <paramref name="revision"/> from its parent's state and text: unchanged lines keep their origin.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="previous"/> does not match <paramref name="previousText"/>.</exception>
    public static BlameState Advance(BlameState previous, string previousText, BlameRevision revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(previousText);
        ArgumentNullException.ThrowIfNull(revision);
        var oldLines = WikiText.SplitLines(previousText);
        if (oldLines.Length != previous.Origins.Count)
        {
            throw new InvalidOperationException("The blame state does not match the previous revision's text.");
        }

        var newLines = WikiText.SplitLines(revision.Text);
        var (blocks, _) = BoundedLineDiff.Compute(oldLines, newLines, BoundedLineDiff.DefaultMaxCost, cancellationToken);
        var origins = new long[newLines.Length];
        int a = 0, b = 0;
        foreach (var block in blocks)
        {
            for (; b < block.NewStart; a++, b++)
            {
                origins[b] = previous.Origins[a];
            }

            a += block.OldCount;
            for (; b < block.NewStart + block.NewCount; b++)
            {
                origins[b] = revision.Id;
            }
        }

        for (; b < origins.Length; a++, b++)
        {
            origins[b] = previous.Origins[a];
        }

        return BlameState.Own(origins);
    }

    /// <summary>The state of every revision of a chain given oldest first (cold computation).</summary>
    public static IReadOnlyList<BlameState> ComputeChain(IReadOnlyList<BlameRevision> chain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var states = new BlameState[chain.Count];
        var firstByText = new Dictionary<string, BlameState>(StringComparer.Ordinal);
        var (previous, previousText) = (BlameState.Empty, string.Empty);
        for (var i = 0; i < chain.Count; i++)
        {
            var revision = chain[i];
            if (!firstByText.TryGetValue(revision.Text, out var state))
            {
                state = Advance(previous, previousText, revision, cancellationToken);
                firstByText.Add(revision.Text, state);
            }

            states[i] = state;
            (previous, previousText) = (state, revision.Text);
        }

        return states;
    }
}
