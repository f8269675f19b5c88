using DiffPlex;

namespace GatewayPortal.Wiki.Text;

/// <summary>A DiffPlex chunker that splits exactly like <see cref="WikiText.SplitLines"/>.</summary>
internal sealed class LineChunker : IChunker
{
    public static LineChunker Instance { get; } = new();

    public IReadOnlyList<string> Chunk(string text) => WikiText.SplitLines(text);
}
