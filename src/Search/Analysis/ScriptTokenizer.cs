using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GatewayPortal.Search.Analysis;

/// <summary>
/// Splits text into runs of Hangul and runs of other letters/digits, so a mixed-script
/// word such as "GIS시스템" becomes "GIS" and "시스템". Everything else separates tokens.
/// </summary>
internal sealed class ScriptTokenizer : Tokenizer
{
    public const string HangulType = "<HANGUL>";
    public const string WordType = "<ALPHANUM>";
    private const int MaxTokenLength = 255;
    private const int KeptBufferChars = 64 * 1024;

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private char[] _text = new char[256];
    private int _length;
    private int _next;

    public ScriptTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        var start = _next;
        while (start < _length && Classify(start) == CharClass.Separator)
        {
            start++;
        }

        if (start >= _length)
        {
            _next = _length;
            return false;
        }

        var kind = Classify(start);
        var end = start + 1;
        while (end < _length && Classify(end) == kind)
        {
            end++;
        }

        _next = end;
        var length = Math.Min(end - start, MaxTokenLength);
        _term.CopyBuffer(_text, start, length);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
        _type.Type = kind == CharClass.Hangul ? HangulType : WordType;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        // Reads into a buffer kept across documents: ToCharArray copied every field's text into a new array.
        if (_text.Length > KeptBufferChars)
        {
            _text = new char[256]; // one huge field does not pin its buffer for the life of the thread
        }

        _length = 0;
        int read;
        while ((read = m_input.Read(_text, _length, _text.Length - _length)) > 0)
        {
            _length += read;
            if (_length == _text.Length)
            {
                Array.Resize(ref _text, Math.Max(256, _text.Length * 2));
            }
        }

        _next = 0;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }

    private CharClass Classify(int index)
    {
        var c = _text[index];
        if (IsHangul(c))
        {
            return CharClass.Hangul;
        }

        if (char.IsLowSurrogate(c) && index > 0 && char.IsHighSurrogate(_text[index - 1]))
        {
            return Classify(index - 1);
        }

        if (char.IsHighSurrogate(c))
        {
            return index + 1 < _length && char.IsLowSurrogate(_text[index + 1])
                && System.Text.Rune.IsLetterOrDigit(new System.Text.Rune(c, _text[index + 1]))
                ? CharClass.Word
                : CharClass.Separator;
        }

        return char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark
            ? CharClass.Word
            : CharClass.Separator;
    }

    /// <summary>True when every character is a precomposed Hangul syllable (가–힣); true for an empty text.</summary>
    internal static bool IsHangulSyllables(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('\uAC00', '\uD7A3');

    /// <summary>Hangul syllables and jamo (conjoining and compatibility).</summary>
    internal static bool IsHangul(char c) =>
        c is (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F');

    private enum CharClass
    {
        Separator,
        Hangul,
        Word,
    }
}
