using GatewayPortal.Bench.SignInLoad;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"SignInLoad: {ex.Message}\n{LoadOptions.Usage}");
    return 2;
}

var people = UserList.Build(options.Users, options.UsersSeed);
await Console.Out.WriteLineAsync($"{people.Count} eligible people of {options.Users}; {options.Concurrency} workers, warm-up {options.Warmup.TotalSeconds} s, window {options.Duration.TotalSeconds} s against {options.Url}");

var result = await LoadRun.RunAsync(options, people);
await Console.Out.WriteAsync(result.Describe());
if (options.OutputPath is { } path)
{
    await File.AppendAllTextAsync(path, result.TableRow() + Environment.NewLine);
}

return result.Succeeded > 0 ? 0 : 1;
