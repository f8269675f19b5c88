using System.Diagnostics;
using System.Text;
using GatewayPortal.Search.Analysis;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Querying;
using Lucene.Net.Analysis;
using Microsoft.Data.Sqlite;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>
/// SQLite FTS5 over the same documents, pre-tokenised by our analyzer: columns title/body hold the
/// bigram (and Latin) stream, title_u/body_u every Hangul syllable; the same principal filter by IN.
/// </summary>
internal sealed class Fts5Bench : IDisposable
{
    private const int BatchSize = 10_000;
    private readonly SqliteConnection _db;
    private readonly Analyzer _analyzer = KoreanEnglishAnalyzer.ForQuery();
    private readonly IReadOnlyList<SearchDocument> _corpus;

    public Fts5Bench(string file, IReadOnlyList<SearchDocument> corpus)
    {
        _corpus = corpus;
        _db = new SqliteConnection($"Data Source={file}");
        _db.Open();
        Execute("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;
            CREATE TABLE docs(id INTEGER PRIMARY KEY, site TEXT NOT NULL);
            CREATE TABLE principals(docid INTEGER NOT NULL, principal TEXT NOT NULL, PRIMARY KEY (docid, principal)) WITHOUT ROWID;
            CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, title_u, body_u, tokenize = 'unicode61 remove_diacritics 0');
            """);
    }

    public double Index()
    {
        var started = Stopwatch.StartNew();
        for (var offset = 0; offset < _corpus.Count; offset += BatchSize)
        {
            using var transaction = _db.BeginTransaction();
            using var doc = Command("INSERT INTO docs(id, site) VALUES ($id, $site)", "$id", "$site");
            using var fts = Command("INSERT INTO docs_fts(rowid, title, body, title_u, body_u) VALUES ($id, $t, $b, $tu, $bu)", "$id", "$t", "$b", "$tu", "$bu");
            using var principal = Command("INSERT INTO principals(docid, principal) VALUES ($id, $p)", "$id", "$p");
            for (var i = offset; i < Math.Min(_corpus.Count, offset + BatchSize); i++)
            {
                var d = _corpus[i];
                var body = string.Join(' ', d.Headings.Append(d.Body));
                Run(doc, i, d.Site ?? string.Empty);
                Run(fts, i, Stream(d.Title), Stream(body), Syllables(d.Title), Syllables(body));
                foreach (var p in d.AllowedPrincipals)
                {
                    Run(principal, i, p);
                }
            }

            transaction.Commit();
        }

        Execute("INSERT INTO docs_fts(docs_fts) VALUES ('optimize'); ANALYZE;");
        return _corpus.Count / started.Elapsed.TotalSeconds;
    }

    public LatencySummary Query(IReadOnlyList<string> queries, IReadOnlyCollection<string> principals, int rounds)
    {
        var inList = string.Join(", ", principals.Select((_, i) => $"$p{i}"));
        return Latency.Measure(queries, rounds, q => Search(q, principals, inList));
    }

    public void Dispose()
    {
        _analyzer.Dispose();
        _db.Dispose();
    }

    private int Search(string input, IReadOnlyCollection<string> principals, string inList)
    {
        var parsed = UserQueryParser.Parse(input);
        var match = ToMatch(parsed);
        // MATCH first (materialised), then the principal check per candidate: a rowid IN (...) filter
        // makes FTS5 re-run the match once per allowed row.
        using var top = _db.CreateCommand();
        top.CommandText = $"""
            WITH m AS MATERIALIZED (
                SELECT rowid AS id, bm25(docs_fts, 4.0, 1.0, 4.0, 1.0) AS score FROM docs_fts WHERE docs_fts MATCH $q)
            SELECT id, count(*) OVER () FROM m
            WHERE EXISTS (SELECT 1 FROM principals p WHERE p.docid = m.id AND p.principal IN ({inList}))
            {(parsed.Sites.Count > 0 ? "AND EXISTS (SELECT 1 FROM docs d WHERE d.id = m.id AND (d.site = $site OR d.site LIKE $like))" : string.Empty)}
            ORDER BY score LIMIT 10
            """;
        top.Parameters.AddWithValue("$q", match);
        var index = 0;
        foreach (var principal in principals)
        {
            top.Parameters.AddWithValue($"$p{index++}", principal);
        }

        if (parsed.Sites.Count > 0)
        {
            top.Parameters.AddWithValue("$site", parsed.Sites[0]);
            top.Parameters.AddWithValue("$like", "%." + parsed.Sites[0]);
        }

        using var reader = top.ExecuteReader();
        var total = 0;
        while (reader.Read())
        {
            total = reader.GetInt32(1);
        }

        return total;
    }

    private string ToMatch(ParsedQuery parsed)
    {
        var required = parsed.Required.Select(Clause).Where(c => c.Length > 0);
        var match = string.Join(" AND ", required.Select(c => $"({c})"));
        foreach (var excluded in parsed.Excluded.Select(Clause).Where(c => c.Length > 0))
        {
            match += $" NOT ({excluded})";
        }

        return match;
    }

    private string Clause(QueryClause clause)
    {
        var terms = _analyzer.Tokenize("body", clause.Text).Select(t => t.Term).ToList();
        if (terms.Count == 0)
        {
            return string.Empty;
        }

        var unigram = terms is [{ Length: 1 } only] && ScriptTokenizer.IsHangul(only[0]);
        return (unigram ? "{title_u body_u} : \"" : "{title body} : \"") + string.Join(' ', terms) + "\"";
    }

    private string Stream(string text) => string.Join(' ', _analyzer.Tokenize("body", text).Select(t => t.Term));

    private static string Syllables(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Where(ScriptTokenizer.IsHangul))
        {
            builder.Append(c).Append(' ');
        }

        return builder.ToString();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
