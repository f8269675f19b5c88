using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GatewayPortal.Search.Analysis;

/// <summary>Runs an analyzer over a string and materialises its tokens.</summary>
internal static class AnalyzerExtensions
{
    public static List<AnalyzedToken> Tokenize(this Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), position, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}
