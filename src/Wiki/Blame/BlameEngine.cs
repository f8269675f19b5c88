using DiffPlex;
using GatewayPortal.Wiki.Text;

namespace GatewayPortal.Wiki.Blame;

/// <summary>
/// Computes line attribution. <see cref="Advance"/> derives a revision's state from its parent's with one line diff;
/// <see cref="ComputeChain"/> runs a whole history and treats a revision whose text equals an earlier one's as a revert,
/// restoring the earlier attribution instead of crediting the reverter.
/// </summary>
public static class BlameEngine
{
    /// <summary>The state of <paramref name="revision"/> from its parent's state and text: unchanged lines keep their origin.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="previous"/> does not match <paramref name="previousText"/>.</exception>
    public static BlameState Advance(BlameState previous, string previousText, BlameRevision revision)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(previousText);
        ArgumentNullException.ThrowIfNull(revision);
        var diff = Differ.Instance.CreateDiffs(previousText, revision.Text, false, false, LineChunker.Instance);
        if (diff.PiecesOld.Count != previous.Origins.Count)
        {
            throw new InvalidOperationException("The blame state does not match the previous revision's text.");
        }

        var origins = new long[diff.PiecesNew.Count];
        int a = 0, b = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; b < block.InsertStartB; a++, b++)
            {
                origins[b] = previous.Origins[a];
            }

            a += block.DeleteCountA;
            for (; b < block.InsertStartB + block.InsertCountB; b++)
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
    public static IReadOnlyList<BlameState> ComputeChain(IReadOnlyList<BlameRevision> chain)
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
                state = Advance(previous, previousText, revision);
                firstByText.Add(revision.Text, state);
            }

            states[i] = state;
            (previous, previousText) = (state, revision.Text);
        }

        return states;
    }
}
