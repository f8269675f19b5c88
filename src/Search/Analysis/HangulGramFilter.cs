using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GatewayPortal.Search.Analysis;

/// <summary>
/// Turns each Hangul run into overlapping bigrams. In index mode every syllable's unigram is
/// stacked on its bigram (same position), so one- and two-syllable queries both match; and where
/// two Hangul runs are one character apart (민원 신청) a spaced bigram "원 신" is stacked on the
/// first run's last syllable, so a query for the compound 민원신청 can also match the spaced
/// form with one more position-checked phrase led by that rare term (see <see cref="SpacedBigram"/>)
/// instead of intersecting the two halves' postings. In query mode only
/// the bigrams are emitted (a lone syllable stays a unigram) and the next token skips one
/// position, which keeps phrase positions aligned with the index.
/// </summary>
internal sealed class HangulGramFilter : TokenFilter
{
    private readonly bool _queryMode;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly ITypeAttribute _type;
    private char[] _run = new char[32];
    private int _runLength;
    private int _runStart;
    private int _firstIncrement;
    private int _gram;
    private int _gramCount;
    private int _pendingSkip;
    private char _previousLast;
    private int _previousEnd;

    public HangulGramFilter(TokenStream input, bool queryMode)
        : base(input)
    {
        _queryMode = queryMode;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <summary>The term indexed for the syllables <paramref name="first"/> and <paramref name="second"/> written with a space between.</summary>
    public static string SpacedBigram(char first, char second) => string.Concat(first.ToString(), " ", second.ToString());

    public override bool IncrementToken()
    {
        if (_gram < _gramCount)
        {
            EmitGram();
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
            _previousLast = '\0';
            return true;
        }

        var joined = !_queryMode && _previousLast != '\0' && _offset.StartOffset - _previousEnd == 1 && _increment.PositionIncrement == 1;
        var previous = _previousLast;
        var previousEnd = _previousEnd;
        _previousLast = _term.Buffer[_term.Length - 1];
        _previousEnd = _offset.EndOffset;
        if (_term.Length < 2 && !joined)
        {
            return true;
        }

        LoadRun();
        if (joined)
        {
            _term.SetEmpty().Append(previous).Append(' ').Append(_run[0]);
            _offset.SetOffset(previousEnd - 1, _runStart + 1);
            _increment.PositionIncrement = 0;
            return true;
        }

        EmitGram();
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _gram = 0;
        _gramCount = 0;
        _pendingSkip = 0;
        _previousLast = '\0';
        _previousEnd = 0;
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
        _gram = 0;
        _gramCount = _queryMode ? _runLength - 1 : (2 * _runLength) - 1;
    }

    private void EmitGram()
    {
        var k = _gram++;
        if (_queryMode)
        {
            SetGram(k, 2, k == 0 ? _firstIncrement : 1);
            if (_gram == _gramCount)
            {
                _pendingSkip = 1;
            }

            return;
        }

        if (k == _gramCount - 1)
        {
            SetGram(_runLength - 1, 1, k == 0 ? _firstIncrement : 1);
        }
        else if (k % 2 == 0)
        {
            SetGram(k / 2, 2, k == 0 ? _firstIncrement : 1);
        }
        else
        {
            SetGram(k / 2, 1, 0);
        }
    }

    private void SetGram(int index, int length, int increment)
    {
        _term.CopyBuffer(_run, index, length);
        _offset.SetOffset(_runStart + index, _runStart + index + length);
        _increment.PositionIncrement = increment;
    }
}
