using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GatewayPortal.Bench.LoadKit;

namespace GatewayPortal.Bench.CounterLoad;

/// <summary>
/// Sends bulk counter updates back to back: each request sets one counter for <c>batch</c> people (a slice of the
/// subjects, taken in turn), with a value that changes every round so that every item is a real update.
/// Bodies are built before the run; the load generator does no JSON work while it measures.
/// </summary>
internal sealed class CounterWorker(HttpClient http, Uri url, string token, IReadOnlyList<string> subjects, int batch, int index, int workers) : ILoadWorker
{
    private const int Bodies = 8;
    private readonly List<Sample> _samples = [];
    private readonly List<(long EndTicks, int Accepted)> _accepted = [];
    private byte[][] _bodies = [];

    public IReadOnlyList<Sample> Samples => _samples;

    /// <summary>Items the portal accepted in requests that ended inside [from, to].</summary>
    public long AcceptedBetween(long from, long to) => _accepted.Where(a => a.EndTicks >= from && a.EndTicks <= to).Sum(a => (long)a.Accepted);

    public void Prepare()
    {
        _bodies = new byte[Bodies][];
        var key = $"bench-{index}";
        for (var b = 0; b < Bodies; b++)
        {
            var start = ((index + (b * workers)) * batch) % Math.Max(1, subjects.Count);
            var json = new StringBuilder(batch * 140).Append("{\"ttl\":3600,\"items\":[");
            for (var i = 0; i < batch; i++)
            {
                var subject = subjects[(start + i) % subjects.Count];
                json.Append(i == 0 ? "" : ",")
                    .Append("{\"sub\":").Append(JsonSerializer.Serialize(subject))
                    .Append(",\"key\":\"").Append(key).Append("\",\"label\":\"결재 대기\",\"labelEn\":\"Approvals waiting\",\"value\":")
                    .Append((b % 9) + 1).Append(",\"url\":\"http://127.0.0.1:5002/approvals\"}");
            }

            _bodies[b] = Encoding.UTF8.GetBytes(json.Append("]}").ToString());
        }
    }

    public async Task RunAsync(long stopTicks, CancellationToken cancellationToken)
    {
        var round = 0;
        while (Stopwatch.GetTimestamp() < stopTicks && !cancellationToken.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            string outcome;
            var accepted = 0;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url);
                request.Content = new ByteArrayContent(_bodies[round++ % _bodies.Length]);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    accepted = JsonDocument.Parse(text).RootElement.GetProperty("accepted").GetInt32();
                    outcome = Sample.Ok;
                }
                else
                {
                    outcome = $"http {(int)response.StatusCode}";
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                outcome = ex.GetType().Name;
            }

            var end = Stopwatch.GetTimestamp();
            _samples.Add(new Sample(start, end, outcome));
            _accepted.Add((end, accepted));
        }
    }
}
