using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GatewayPortal.Search.Analysis;

/// <summary>
/// Turns each Hangul run into overlapping bigrams. In index mode every syllable's unigram is
/// stacked on its bigram (same position), so one- and two-syllable queries both match; in
/// query mode only the bigrams are emitted (a lone syllable stays a unigram) and the next
/// token skips one position, which keeps phrase positions aligned with the index.
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

    public HangulGramFilter(TokenStream input, bool queryMode)
        : base(input)
    {
        _queryMode = queryMode;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

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
        if (_term.Length < 2 || !string.Equals(_type.Type, ScriptTokenizer.HangulType, StringComparison.Ordinal))
        {
            return true;
        }

        LoadRun();
        EmitGram();
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _gram = 0;
        _gramCount = 0;
        _pendingSkip = 0;
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
            SetGram(_runLength - 1, 1, 1);
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
