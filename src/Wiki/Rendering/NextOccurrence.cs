using System.Buffers;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// The next occurrence of a string or character set at or after a position that only moves forward: the last answer is kept
/// and reused while it is still ahead, so a whole left-to-right pass costs one scan of the text.
/// </summary>
internal sealed class NextOccurrence
{
    private readonly string _text;
    private readonly string? _pattern;
    private readonly SearchValues<char>? _any;
    private int _from = int.MaxValue;
    private int _at;

    public NextOccurrence(string text, string pattern) => (_text, _pattern) = (text, pattern);

    public NextOccurrence(string text, SearchValues<char> any) => (_text, _any) = (text, any);

    /// <summary>The index of the next occurrence at or after <paramref name="index"/>, or the text's length when there is none.</summary>
    public int From(int index)
    {
        if (index < _from || _at < index)
        {
            var found = _pattern is not null
                ? _text.AsSpan(index).IndexOf(_pattern, StringComparison.Ordinal)
                : _text.AsSpan(index).IndexOfAny(_any!);
            (_from, _at) = (index, found < 0 ? _text.Length : index + found);
        }

        return _at;
    }
}
