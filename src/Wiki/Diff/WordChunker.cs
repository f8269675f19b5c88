using System.Globalization;
using DiffPlex;

namespace GatewayPortal.Wiki.Diff;

/// <summary>
/// Splits a line into tokens for the word diff: runs of whitespace, runs of Hangul, runs of other letters or digits,
/// and single punctuation or symbol characters.
/// </summary>
internal sealed class WordChunker : IChunker
{
    public static WordChunker Instance { get; } = new();

    public IReadOnlyList<string> Chunk(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var kind = Classify(text[start]);
            var end = start + 1;
            while (kind != TokenKind.Other && end < text.Length && Classify(text[end]) == kind)
            {
                end++;
            }

            tokens.Add(text[start..end]);
            start = end;
        }

        return tokens;
    }

    /// <summary>True when the token is a run of Hangul, which is diffed further syllable by syllable.</summary>
    public static bool IsHangul(string token) => token.Length > 0 && Classify(token[0]) == TokenKind.Hangul;

    private static TokenKind Classify(char c) => c switch
    {
        _ when char.IsWhiteSpace(c) => TokenKind.Space,
        (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F') => TokenKind.Hangul,
        _ when char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark => TokenKind.Word,
        _ => TokenKind.Other,
    };

    private enum TokenKind
    {
        Space,
        Hangul,
        Word,
        Other,
    }
}
