using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Util;

namespace GatewayPortal.Search.Analysis;

/// <summary>
/// Analysis for the suggestion field: script-boundary words, lower-cased; when indexing,
/// every word is expanded into its leading n-grams so a prefix lookup is a single term query.
/// </summary>
internal sealed class PrefixAnalyzer(bool queryMode) : Analyzer
{
    /// <summary>The longest prefix indexed; longer query words are truncated to it.</summary>
    public const int MaxPrefixLength = 20;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new ScriptTokenizer(reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LatinLowerCaseFilter(stream);
        if (!queryMode)
        {
            stream = new EdgeNGramTokenFilter(LuceneVersion.LUCENE_48, stream, 1, MaxPrefixLength);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}
