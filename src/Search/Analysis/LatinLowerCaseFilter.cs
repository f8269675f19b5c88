using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GatewayPortal.Search.Analysis;

/// <summary>
/// Lower-cases words as Lucene's <c>LowerCaseFilter</c> does (invariant culture, per code point), but leaves Hangul runs
/// alone (Hangul has no case) and lower-cases ASCII without a call per character. Lucene's filter went through the
/// culture's case tables for every character of every token (figures in bench/RESULTS.md).
/// </summary>
internal sealed class LatinLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;

    public LatinLowerCaseFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!string.Equals(_type.Type, ScriptTokenizer.HangulType, StringComparison.Ordinal))
        {
            ToLower(_term.Buffer.AsSpan(0, _term.Length));
        }

        return true;
    }

    /// <summary>Lower-cases in place; a code point's lower case has the same UTF-16 length as the code point.</summary>
    private static void ToLower(Span<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterUpper(c))
            {
                text[i] = (char)(c | 0x20);
            }
            else if (c >= 0x80)
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var lower = Rune.ToLowerInvariant(new Rune(c, text[i + 1]));
                    if (lower.Utf16SequenceLength == 2)
                    {
                        lower.EncodeToUtf16(text.Slice(i, 2));
                    }

                    i++;
                }
                else
                {
                    text[i] = char.ToLowerInvariant(c);
                }
            }
        }
    }
}
