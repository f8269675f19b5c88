using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace GatewayPortal.Search.Analysis;

/// <summary>
/// Keeps Hangul runs (nothing to stem) and words of up to three characters away from the
/// stemmer, so acronyms such as GIS keep their letters (Porter would index "gi").
/// </summary>
internal sealed class StemExclusionFilter : KeywordMarkerFilter
{
    private const int MaxUnstemmedLength = 3;
    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;

    public StemExclusionFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    protected override bool IsKeyword() =>
        _term.Length <= MaxUnstemmedLength || string.Equals(_type.Type, ScriptTokenizer.HangulType, StringComparison.Ordinal);
}
