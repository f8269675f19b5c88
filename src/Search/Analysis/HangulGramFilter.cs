using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GatewayPortal.Search.Analysis;

/// <summary>
/// Turns each Hangul run into overlapping n-grams.
/// <para>
/// <b>Index mode.</b> Syllable i of a run sits at position start + i and carries every gram that begins there: its
/// bigram and its three- and four-syllable grams (<see cref="MaxGram"/>), stacked; the first and the last syllable
/// also carry their unigram (every syllable is the start of some gram, so a one-syllable query looks for grams
/// starting with it; the unigrams let a one-syllable word end or start a phrase). A two-syllable query matches its
/// bigram, and a word of three or four syllables (행정포털) is one term instead of a position-checked phrase of its
/// bigrams: the same matches (it is found inside 행정포털을 and 서울행정포털), at the cost of a term lookup. Longer
/// words are short phrases of four-syllable grams. Dropping the inner unigrams pays for part of the longer grams: a
/// run of L syllables carries 3L − 4 terms (L ≥ 3), against 2L − 1 with every unigram and no longer grams. Where two runs
/// of two or more syllables follow each other (민원 신청, whatever separates them), a <see cref="CrossGram"/> of the
/// first run's last two and the second run's first two syllables (민원 신청, hashed into a bucket) is stacked on the
/// first run's last syllable: a compound typed without its space (민원신청) then also finds the spaced form through
/// a phrase led by that rare term, and a quoted phrase is led by it.
/// </para>
/// <para>
/// <b>Query mode</b> emits only the bigrams (a lone syllable stays a unigram) and the next token skips one position,
/// which keeps positions aligned with the index; the query builder turns runs of bigrams back into grams.
/// </para>
/// </summary>
internal sealed class HangulGramFilter : TokenFilter
{
    /// <summary>The longest gram indexed inside a run, in syllables.</summary>
    public const int MaxGram = 4;

    private readonly bool _queryMode;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly ITypeAttribute _type;
    private char[] _run = new char[32];
    private int _runLength;
    private int _runStart;
    private int _firstIncrement;

    // Index mode: the grams still to emit for the current run, as (syllable, length) in emission order.
    private (int Start, int Length)[] _grams = new (int, int)[64];
    private int _gram;
    private int _gramCount;

    // Query mode: the bigram being emitted and the skip owed to the next token.
    private int _pendingSkip;

    // The previous token when it was a Hangul run of two or more syllables: its last two syllables and end offset.
    private char _tail0;
    private char _tail1;
    private int _tailEnd = -1;

    public HangulGramFilter(TokenStream input, bool queryMode)
        : base(input)
    {
        _queryMode = queryMode;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <summary>
    /// The term indexed where a run ending in <paramref name="last"/> (its last two syllables) is followed by a run
    /// starting with <paramref name="first"/> (its first two), as in 민원 신청: one of 65,536 buckets of those four
    /// syllables. The literal pair would add a term for every pair of words the documents hold (millions at a million
    /// documents; the buckets index faster, bench/RESULTS.md); a bucket is still rare, and a query always pairs it
    /// with the grams on both sides, which pin the syllables, so a shared bucket never adds a match.
    /// </summary>
    public static string CrossGram(ReadOnlySpan<char> last, ReadOnlySpan<char> first) =>
        string.Create(CrossGramLength, Bucket(last[0], last[1], first[0], first[1]), WriteCrossGram);

    /// <summary>Characters of a cross gram term: the mark and the bucket in four hexadecimal digits.</summary>
    private const int CrossGramLength = 5;

    /// <summary>Writes the cross gram term of <paramref name="bucket"/>: the only place that spells it.</summary>
    private static void WriteCrossGram(Span<char> destination, uint bucket)
    {
        destination[0] = CrossGramMark;
        for (var i = 1; i < CrossGramLength; i++)
        {
            destination[i] = "0123456789abcdef"[(int)((bucket >> ((CrossGramLength - 1 - i) * 4)) & 0xF)];
        }
    }

    /// <summary>FNV-1a over the four syllables (and the space between), folded to <see cref="CrossGramBits"/> bits: stable across processes and versions.</summary>
    private static uint Bucket(char a, char b, char c, char d)
    {
        var hash = 2166136261u;
        hash = (hash ^ a) * 16777619u;
        hash = (hash ^ b) * 16777619u;
        hash = (hash ^ ' ') * 16777619u;
        hash = (hash ^ c) * 16777619u;
        hash = (hash ^ d) * 16777619u;
        return (hash ^ (hash >> CrossGramBits)) & ((1u << CrossGramBits) - 1);
    }

    /// <summary>The cross gram's buckets: 2^16 terms at most, however many word pairs the documents hold.</summary>
    private const int CrossGramBits = 16;

    /// <summary>Starts every cross gram term; no analysed text holds it.</summary>
    private const char CrossGramMark = '\u0001';

    public override bool IncrementToken()
    {
        if (_gram < _gramCount)
        {
            EmitNext();
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        _increment.PositionIncrement += _pendingSkip;
        _pendingSkip = 0;
        if (!string.Equals(_type.Type, ScriptTokenizer.HangulType, StringComparison.Ordinal))
        {
            _tailEnd = -1;
            return true;
        }

        if (_term.Length < 2)
        {
            _tailEnd = -1;
            return true;
        }

        var crossed = !_queryMode && _tailEnd >= 0 && _increment.PositionIncrement == 1;
        var (tail0, tail1, tailEnd) = (_tail0, _tail1, _tailEnd);
        LoadRun();
        if (crossed)
        {
            // Stacked on the previous run's last syllable (positions never go back); the run's own grams follow.
            WriteCrossGram(_term.ResizeBuffer(CrossGramLength).AsSpan(0, CrossGramLength), Bucket(tail0, tail1, _run[0], _run[1]));
            _term.Length = CrossGramLength;

            _offset.SetOffset(tailEnd - 2, _runStart + 2);
            _increment.PositionIncrement = 0;
            return true;
        }

        EmitNext();
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _gram = 0;
        _gramCount = 0;
        _pendingSkip = 0;
        _tailEnd = -1;
    }

    private void LoadRun()
    {
        _runLength = _term.Length;
        if (_run.Length < _runLength)
        {
            _run = new char[_runLength];
        }

        Array.Copy(_term.Buffer, _run, _runLength);
        _runStart = _offset.StartOffset;
        _firstIncrement = _increment.PositionIncrement;
        _tail0 = _run[_runLength - 2];
        _tail1 = _run[_runLength - 1];
        _tailEnd = _offset.EndOffset;
        _gram = 0;
        _gramCount = 0;
        if (_queryMode)
        {
            for (var i = 0; i < _runLength - 1; i++)
            {
                Plan(i, 2);
            }

            return;
        }

        for (var i = 0; i < _runLength; i++)
        {
            if (i < _runLength - 1)
            {
                Plan(i, 2);
            }

            if (i == 0 || i == _runLength - 1)
            {
                Plan(i, 1);
            }

            for (var length = 3; length <= MaxGram && i + length <= _runLength; length++)
            {
                Plan(i, length);
            }
        }
    }

    private void Plan(int start, int length)
    {
        if (_gramCount == _grams.Length)
        {
            Array.Resize(ref _grams, _grams.Length * 2);
        }

        _grams[_gramCount++] = (start, length);
    }

    /// <summary>Emits the next planned gram: the first gram of a syllable moves one position on, the rest are stacked.</summary>
    private void EmitNext()
    {
        var index = _gram++;
        var (start, length) = _grams[index];
        var increment = index == 0 ? _firstIncrement : (_grams[index - 1].Start == start ? 0 : 1);
        _term.CopyBuffer(_run, start, length);
        _offset.SetOffset(_runStart + start, _runStart + start + length);
        _increment.PositionIncrement = increment;
        if (_queryMode && _gram == _gramCount)
        {
            _pendingSkip = 1;
        }
    }
}
