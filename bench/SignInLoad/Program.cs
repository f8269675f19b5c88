using GatewayPortal.Bench.LoadKit;
using GatewayPortal.Bench.SignInLoad;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"SignInLoad: {ex.Message}\nusage: SignInLoad {LoadOptions.CommonUsage}");
    return 2;
}

var people = UserList.Build(options.Users, options.UsersSeed);
await Console.Out.WriteLineAsync($"{people.Count} eligible people of {options.Users}; {options.Concurrency} workers, warm-up {options.Warmup.TotalSeconds} s, window {options.Duration.TotalSeconds} s against {options.Url}");

using var http = LoadRun.CreateClient(options.Concurrency, options.TrustCertificatePath);
var loginUrl = new Uri(options.Url, "/account/login");
var workers = Enumerable.Range(0, options.Concurrency)
    .Select(i => (ILoadWorker)new SignInWorker(http, loginUrl, people, i, options.Concurrency)).ToList();
var result = await LoadRun.RunAsync(options, workers);
await Console.Out.WriteAsync(result.Describe());
if (options.MaxOtherPercent is { } maxOther && result.OtherPercent > maxOther)
{
    await Console.Error.WriteLineAsync($"SignInLoad: other processes used {result.OtherPercent:0}% of the machine (limit {maxOther:0}%): window disturbed, row not written");
    return 3;
}

if (options.OutputPath is { } path)
{
    await File.AppendAllTextAsync(path, result.TableRow() + Environment.NewLine);
}

return result.Succeeded > 0 ? 0 : 1;
