using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace GatewayPortal.Wiki.Diff;

/// <summary>
/// Word-level highlighting of a modified line pair. Tokens come from <see cref="WordChunker"/>; a changed stretch that is Hangul
/// (and spaces) on both sides is diffed again by syllable, so 회의록을 → 회의록은 marks only 을/은 and 서울시청 → 서울 시청
/// marks only the added space. Other words stay whole.
/// </summary>
internal static class WordDiff
{
    public static (IReadOnlyList<DiffSegment> Old, IReadOnlyList<DiffSegment> New) Compare(string oldLine, string newLine)
    {
        var oldOut = new SegmentBuilder();
        var newOut = new SegmentBuilder();
        Emit(Differ.Instance.CreateDiffs(oldLine, newLine, false, false, WordChunker.Instance), oldOut, newOut, refineHangul: true);
        return (oldOut.Build(), newOut.Build());
    }

    private static void Emit(DiffResult result, SegmentBuilder oldOut, SegmentBuilder newOut, bool refineHangul)
    {
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++)
            {
                oldOut.Add(result.PiecesOld[a], false);
                newOut.Add(result.PiecesOld[a], false);
            }

            var removed = string.Concat(result.PiecesOld.Skip(a).Take(block.DeleteCountA));
            var added = string.Concat(result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            if (refineHangul && IsHangulText(removed) && IsHangulText(added))
            {
                Emit(Differ.Instance.CreateDiffs(removed, added, false, false, CharacterChunker.Instance), oldOut, newOut, refineHangul: false);
            }
            else
            {
                oldOut.Add(removed, true);
                newOut.Add(added, true);
            }

            a += block.DeleteCountA;
        }

        for (; a < result.PiecesOld.Count; a++)
        {
            oldOut.Add(result.PiecesOld[a], false);
            newOut.Add(result.PiecesOld[a], false);
        }
    }

    /// <summary>Hangul words and spaces only: such a changed stretch is compared syllable by syllable.</summary>
    private static bool IsHangulText(string text) =>
        text.Any(c => !char.IsWhiteSpace(c)) && WordChunker.Instance.Chunk(text).All(t => WordChunker.IsHangul(t) || string.IsNullOrWhiteSpace(t));
}
