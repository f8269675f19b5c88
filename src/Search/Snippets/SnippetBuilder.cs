using System.Text;
using GatewayPortal.Search.Analysis;
using GatewayPortal.Search.Documents;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GatewayPortal.Search.Snippets;

/// <summary>
/// Our own highlighter: marks the query's Hangul words where a word of the body starts with them (행정포털을),
/// other words where an analysed token of the body equals theirs (English stems), picks the window with the most
/// distinct matches and splits it into plain and highlighted segments.
/// </summary>
internal sealed class SnippetBuilder(Analyzer indexAnalyzer, int maxChars = 160)
{
    private const int Lead = 40;
    private const int SnapDistance = 20;
    private const string Ellipsis = "…";

    /// <summary>Syllables a Hangul query word needs to be marked inside a word rather than only at its start.</summary>
    private const int MinInnerWordLength = 3;

    public IReadOnlyList<SnippetSegment> Build(string body, IReadOnlySet<string> terms)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        var spans = terms.Count == 0 ? [] : FindSpans(body, terms);
        var (start, end) = SnippetWindow.Choose(body, spans, maxChars, Lead);
        start = SnapStart(body, start, spans.Count > 0 ? spans.First(s => s.End > start).Start : end);
        end = SnapEnd(body, end, start);
        return Segments(body, start, end, spans);
    }

    private List<TextSpan> FindSpans(string body, IReadOnlySet<string> terms)
    {
        var hits = new List<TextSpan>();
        var others = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var space = term.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && IsHangulWord(term.AsSpan(0, space)) && IsHangulWord(term.AsSpan(space + 1)))
            {
                FindSpaced(body, term[..space], term[(space + 1)..], hits);
            }
            else if (IsHangulWord(term))
            {
                FindWord(body, term, hits);
            }
            else if (term.Length > 0)
            {
                others.Add(term);
            }
        }

        if (others.Count > 0)
        {
            FindTokens(body, others, hits);
        }

        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TextSpan>();
        foreach (var span in hits)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, span.End) };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private static bool IsHangulWord(ReadOnlySpan<char> text) => text.Length > 0 && ScriptTokenizer.IsHangulSyllables(text);

    /// <summary>
    /// Where a Hangul query word occurs as a word or as the stem of one: at the start of a word, so 신청 is marked in
    /// 신청서를 (the word and what Korean attaches to it) but 니다 is not marked inside 뜹니다. A word of
    /// <see cref="MinInnerWordLength"/> or more syllables is also marked inside a compound (행정포털 in 서울행정포털): it is
    /// what the index matched there, and that long a piece is rarely an accident. Searching the text costs a fraction of
    /// analysing the whole body, which makes about ten grams of every word.
    /// </summary>
    private static void FindWord(string body, string word, List<TextSpan> hits)
    {
        for (var at = body.IndexOf(word, StringComparison.Ordinal); at >= 0; at = body.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (word.Length >= MinInnerWordLength || StartsWord(body, at))
            {
                hits.Add(new TextSpan(at, at + word.Length));
            }
        }
    }

    /// <summary>A compound typed whole found written apart (민원신청 as 민원 신청): the first part starting a word, then separators, then the second.</summary>
    private static void FindSpaced(string body, string first, string second, List<TextSpan> hits)
    {
        for (var at = body.IndexOf(first, StringComparison.Ordinal); at >= 0; at = body.IndexOf(first, at + 1, StringComparison.Ordinal))
        {
            var next = at + first.Length;
            while (next < body.Length && !char.IsLetterOrDigit(body[next]))
            {
                next++;
            }

            if (StartsWord(body, at) && next > at + first.Length && body.AsSpan(next).StartsWith(second, StringComparison.Ordinal))
            {
                hits.Add(new TextSpan(at, next + second.Length));
            }
        }
    }

    /// <summary>Whether a Hangul run starts at <paramref name="at"/>, as the tokenizer splits words: no syllable before it.</summary>
    private static bool StartsWord(string body, int at) => at == 0 || !ScriptTokenizer.IsHangul(body[at - 1]);

    /// <summary>Tokens of the analysed body equal to one of <paramref name="terms"/> (Latin stems, jamo, numbers).</summary>
    private void FindTokens(string body, HashSet<string> terms, List<TextSpan> hits)
    {
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        // A one-letter jamo term, like a syllable, is found as the start of a gram as well as on its own.
        var letters = terms.Where(t => t.Length == 1 && ScriptTokenizer.IsHangul(t[0])).Select(t => t[0]).ToHashSet();
        using var stream = indexAnalyzer.GetTokenStream(SearchFields.Body, new StringReader(body));
        // Read from the token's buffer: a body yields about ten grams per word, too many to make a string of each.
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var text = term.Buffer.AsSpan(0, term.Length);
            if (lookup.Contains(text))
            {
                hits.Add(new TextSpan(offset.StartOffset, offset.EndOffset));
            }
            else if (letters.Count > 0 && letters.Contains(text[0]))
            {
                hits.Add(new TextSpan(offset.StartOffset, offset.StartOffset + 1));
            }
        }

        stream.End();
    }

    private static int SnapStart(string body, int start, int firstMatch)
    {
        if (start == 0)
        {
            return 0;
        }

        var limit = Math.Min(firstMatch, start + SnapDistance);
        for (var i = start; i < limit; i++)
        {
            if (char.IsWhiteSpace(body[i]))
            {
                return i + 1;
            }
        }

        return start;
    }

    private static int SnapEnd(string body, int end, int start)
    {
        for (var i = end; end < body.Length && i > Math.Max(start, end - SnapDistance); i--)
        {
            if (char.IsWhiteSpace(body[i - 1]))
            {
                return i - 1;
            }
        }

        return end;
    }

    private static List<SnippetSegment> Segments(string body, int start, int end, List<TextSpan> spans)
    {
        var segments = new List<SnippetSegment>();
        var cursor = start;
        AddPlain(segments, start > 0 ? Ellipsis : string.Empty);
        foreach (var span in spans.Where(s => s.End > start && s.Start < end))
        {
            var from = Math.Max(span.Start, start);
            var to = Math.Min(span.End, end);
            AddPlain(segments, body[cursor..from]);
            segments.Add(new SnippetSegment(Collapse(body[from..to]), true));
            cursor = to;
        }

        AddPlain(segments, body[cursor..end]);
        AddPlain(segments, end < body.Length ? Ellipsis : string.Empty);
        return segments;
    }

    private static void AddPlain(List<SnippetSegment> segments, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        var collapsed = Collapse(text);
        if (segments.Count > 0 && !segments[^1].Highlighted)
        {
            segments[^1] = segments[^1] with { Text = Collapse(segments[^1].Text + collapsed) };
        }
        else
        {
            segments.Add(new SnippetSegment(collapsed, false));
        }
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space || builder.Length == 0 || builder[^1] != ' ')
            {
                builder.Append(space ? ' ' : c);
            }
        }

        return builder.ToString();
    }
}
