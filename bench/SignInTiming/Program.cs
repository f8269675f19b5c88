using System.Diagnostics;
using System.Globalization;
using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Bench.SignInTiming;

// Does a refused sign-in take as long for an unknown login as for a known login with a wrong password?
// One client, one request at a time, the two kinds interleaved in random order; medians and a Mann-Whitney U test.
var url = new Uri(Arg("--url", "http://127.0.0.1:5100"));
var pairs = int.Parse(Arg("--pairs", "300"), CultureInfo.InvariantCulture);
var warmup = int.Parse(Arg("--warmup", "50"), CultureInfo.InvariantCulture);
var users = int.Parse(Arg("--users", "50000"), CultureInfo.InvariantCulture);
var seed = int.Parse(Arg("--users-seed", "20261123"), CultureInfo.InvariantCulture);
var label = Arg("--label", "run");
var output = Arg("--out", "");

var people = UserList.Build(users, seed);
using var http = LoadRun.CreateClient(1);
var loginUrl = new Uri(url, "/account/login");
var form = await LoginForm.FetchAsync(http, loginUrl, CancellationToken.None);
var random = new Random(seed);
List<double> known = [], unknown = [];
var unexpected = 0;
for (var i = 0; i < warmup + pairs; i++)
{
    // A different person each time, so no account reaches the throttle's delay.
    var person = people[(i * 7919) % people.Count].Uid;
    var stranger = string.Create(CultureInfo.InvariantCulture, $"nobody.{seed}.{i}");
    var knownFirst = random.Next(2) == 0;
    foreach (var isKnown in knownFirst ? new[] { true, false } : [false, true])
    {
        var (ms, status) = await TimedPost.SendAsync(http, loginUrl, form, isKnown ? person : stranger, "Wrong!" + i.ToString(CultureInfo.InvariantCulture));
        unexpected += status == 200 ? 0 : 1;
        if (i >= warmup)
        {
            (isKnown ? known : unknown).Add(ms);
        }
    }
}

var p = MannWhitney.TwoSidedP(known, unknown);
var row = string.Create(CultureInfo.InvariantCulture,
    $"| {label} | {pairs} + {pairs} | {Median(known):0.00} | {Median(unknown):0.00} | {Median(known) - Median(unknown):+0.00;-0.00} | {p:0.000} | {unexpected} |");
Console.WriteLine("| Run | Tries (known + unknown) | Known, wrong password: median ms | Unknown login: median ms | Difference ms | Mann-Whitney p | Non-200 |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
Console.WriteLine(row);
if (output.Length > 0)
{
    await File.AppendAllTextAsync(output, row + Environment.NewLine);
}

return unexpected == 0 ? 0 : 1;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

string Arg(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

namespace GatewayPortal.Bench.SignInTiming
{
    /// <summary>One login POST, timed from send to the last byte of the answer.</summary>
    internal static class TimedPost
    {
        public static async Task<(double Milliseconds, int Status)> SendAsync(HttpClient http, Uri loginUrl, LoginForm form, string login, string password)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, loginUrl)
            {
                Content = new FormUrlEncodedContent(
                [
                    new("__RequestVerificationToken", form.Token),
                    new("_handler", "login"),
                    new("Input.Login", login),
                    new("Input.Password", password),
                ]),
            };
            request.Headers.TryAddWithoutValidation("Cookie", form.CookieHeader);
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, (int)response.StatusCode);
        }
    }
}
