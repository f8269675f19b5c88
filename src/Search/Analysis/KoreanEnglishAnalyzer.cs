using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;

namespace GatewayPortal.Search.Analysis;

/// <summary>
/// Korean + English analysis: script-boundary tokenisation, width folding, lower-casing,
/// Porter stemming for Latin words, and Hangul bigrams (plus unigrams when indexing).
/// </summary>
internal sealed class KoreanEnglishAnalyzer(bool queryMode) : Analyzer
{
    /// <summary>The analyzer used to index text fields.</summary>
    public static KoreanEnglishAnalyzer ForIndex() => new(queryMode: false);

    /// <summary>The analyzer used to turn user words and phrases into query terms.</summary>
    public static KoreanEnglishAnalyzer ForQuery() => new(queryMode: true);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new ScriptTokenizer(reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LatinLowerCaseFilter(stream);
        stream = new PorterStemFilter(new StemExclusionFilter(stream));
        return new TokenStreamComponents(tokenizer, new HangulGramFilter(stream, queryMode));
    }
}
