using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GatewayPortal.Bench.CounterLoad;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Tools.OrgGen;

// Bulk counter updates through the HTTP API (issue #15, section 3): client-credentials token for sample-lob, then
// closed-loop POST /api/v1/counters of --batch items each. Subjects are read from the bench slapd (entryUUID).
LoadOptions options;
int batch;
Uri ldap;
try
{
    options = LoadOptions.Parse(args, "batch", "ldap");
    batch = int.Parse(options.Extra.GetValueOrDefault("batch", "5000"), CultureInfo.InvariantCulture);
    ldap = new Uri(options.Extra.GetValueOrDefault("ldap", "ldap://127.0.0.1:3891"));
    if (batch is < 1 or > 10_000 || !ldap.IsLoopback)
    {
        throw new ArgumentException("--batch must be 1-10000 and --ldap a loopback URL");
    }
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync($"CounterLoad: {ex.Message}\nusage: CounterLoad [--batch 5000] [--ldap ldap://127.0.0.1:3891] {LoadOptions.CommonUsage}");
    return 2;
}

var everyone = ReadSubjects(ldap);
using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = options.Concurrency }) { Timeout = TimeSpan.FromSeconds(60) };
var token = await TokenAsync(http, options.Url);
var api = new Uri(options.Url, "/api/v1/counters");

// Not measured: the API itself says which people may use sample-lob (staff-hq); the run sends only those, so every
// item it sends is an update the portal writes.
var subjects = await AllowedAsync(http, api, token, everyone);
await Console.Out.WriteLineAsync($"counters: {subjects.Count} allowed subjects of {everyone.Count}, {options.Concurrency} workers × {batch} items per request, warm-up {options.Warmup.TotalSeconds} s, window {options.Duration.TotalSeconds} s against {options.Url}");

var workers = Enumerable.Range(0, options.Concurrency).Select(i => new CounterWorker(http, api, token, subjects, batch, i, options.Concurrency)).ToList();
workers.ForEach(w => w.Prepare());

var result = await LoadRun.RunAsync(options, workers);
var accepted = workers.Sum(w => w.AcceptedBetween(result.WindowStartTicks, result.WindowEndTicks));
var perSecond = accepted / options.Duration.TotalSeconds;
await Console.Out.WriteAsync(result.Describe("bulk requests"));
await Console.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "  counter updates/s {0:0} (accepted items in the window; {1:0.0}% of items sent)",
    perSecond, result.Succeeded == 0 ? 0 : 100.0 * accepted / (result.Succeeded * (double)batch)));
if (options.MaxOtherPercent is { } maxOther && result.OtherPercent > maxOther)
{
    await Console.Error.WriteLineAsync($"CounterLoad: other processes used {result.OtherPercent:0}% of the machine (limit {maxOther:0}%): window disturbed, row not written");
    return 3;
}

if (options.OutputPath is { } output)
{
    await File.AppendAllTextAsync(output, string.Format(CultureInfo.InvariantCulture,
        "| {0} | {1} | {2} | {3:0.0} | {4:0} | {5:0.0} | {6:0.0} | {7:0.0} | {8} |\n",
        options.Label, options.Concurrency, batch, result.PerSecond, perSecond, result.Percentile(50), result.Percentile(99), result.Percentile(100),
        string.Join(", ", result.CpuByProcess.Select(c => string.Format(CultureInfo.InvariantCulture, "{0} {1:0}%", c.Key, 100 * c.Value.TotalSeconds / (options.Duration.TotalSeconds * Environment.ProcessorCount))))));
}

return result.Errors.Count == 0 ? 0 : 1;

static async Task<string> TokenAsync(HttpClient http, Uri portal)
{
    using var response = await http.PostAsync(new Uri(portal, "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["scope"] = "portal.counters",
        ["client_id"] = "sample-lob",
        ["client_secret"] = "SampleLob!2026",
    }));
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
}

static async Task<List<string>> AllowedAsync(HttpClient http, Uri api, string token, List<string> subjects)
{
    var refused = new HashSet<string>(StringComparer.Ordinal);
    foreach (var chunk in subjects.Chunk(10_000))
    {
        var body = JsonSerializer.Serialize(new { items = chunk.Select(s => new { sub = s, key = "bench-preflight", label = "점검", value = 0 }) });
        using var request = new HttpRequestMessage(HttpMethod.Post, api) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var rejected in result.GetProperty("rejected").EnumerateArray())
        {
            refused.Add(rejected.GetProperty("sub").GetString()!);
        }
    }

    return subjects.Where(s => !refused.Contains(s)).ToList();
}

static List<string> ReadSubjects(Uri ldap)
{
    using var connection = new LdapConnection(new LdapDirectoryIdentifier(ldap.Host, ldap.Port)) { AuthType = AuthType.Basic };
    connection.SessionOptions.ProtocolVersion = 3;
    connection.Bind(new NetworkCredential(CityHall.ServiceBindDn, CityHall.ServiceBindPassword));
    var subjects = new List<string>();
    var paging = new PageResultRequestControl(1000);
    var request = new SearchRequest(CityHall.PeopleDn, "(objectClass=inetOrgPerson)", SearchScope.Subtree, "entryUUID");
    request.Controls.Add(paging);
    while (true)
    {
        var response = (SearchResponse)connection.SendRequest(request);
        subjects.AddRange(response.Entries.Cast<SearchResultEntry>().Select(e => e.Attributes["entryUUID"]?[0]?.ToString()).OfType<string>());
        var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
        if (cookie is not { Length: > 0 })
        {
            return subjects;
        }

        paging.Cookie = cookie;
    }
}
