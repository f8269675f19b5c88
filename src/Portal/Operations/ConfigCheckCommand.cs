using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using GatewayPortal.Data;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Operations;

/// <summary>
/// <c>config check</c>: validates every setting without starting the node: the checks the composition makes while it
/// registers services (they stop a start with a message), the binding of every options type (a value that is not a
/// number, a time span, …) and every options validation, the ones a node runs at start (ValidateOnStart) included.
/// Each problem names its key; no secret value is ever printed. Exit 3 on problems.
/// </summary>
public sealed partial class ConfigCheckCommand : IPortalCommand
{
    /// <summary>The verb; <c>Program</c> runs it before the composition, so that a composition that throws is reported too.</summary>
    public const string Verb = "config";

    /// <inheritdoc/>
    public string Name => Verb;

    /// <inheritdoc/>
    public string Summary => "check every setting without starting (exit 3 naming each bad key)";

    /// <inheritdoc/>
    public string Usage => "config check";

    /// <summary>
    /// Runs the check from <c>Program</c>, before the composition: registers the node's services step by step as
    /// <c>Program</c> does (<see cref="CompositionSteps"/>; a step that throws is a problem, and the next steps still
    /// run), then binds and validates the options.
    /// </summary>
    public static async Task<int> RunAsync(WebApplicationBuilder builder, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!IsCheck(arguments))
        {
            return UsageError(arguments, error);
        }

        var problems = new List<string>();
        foreach (var (_, step) in CompositionSteps(builder))
        {
            try
            {
                step();
            }
            catch (Exception ex)
            {
                AddOnce(problems, Describe(ex));
            }
        }

        // Not builder.Build(): that would also check every service can be made, which a failed step above already explains.
        var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = false });
        await using (services)
        {
            problems.AddRange(ValidateOptions(services, builder.Services).Where(p => !problems.Contains(p, StringComparer.Ordinal)));
            return await ReportAsync(builder.Configuration, builder.Environment, problems, output, error);
        }
    }

    /// <summary>
    /// The service registrations of <c>Program</c>, in its order, one step per line there (a test keeps the two lists
    /// the same: a line added to <c>Program</c> must be added here).
    /// </summary>
    internal static IEnumerable<(string Name, Action Step)> CompositionSteps(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        var environment = builder.Environment;
        yield return ("AddPortalDatabase", () => services.AddPortalDatabase(configuration, environment));
        yield return ("AddPortalDataProtection", () => services.AddPortalDataProtection(configuration, environment));
        yield return ("AddPortalIdentity", () => services.AddPortalIdentity(configuration));
        yield return ("AddPortalOidc", () => services.AddPortalOidc<PortalDbContext>(configuration, environment));
        yield return ("AddPortalApplications", () => services.AddPortalApplications(configuration));
        yield return ("AddPortalApplicationAdmin", () => services.AddPortalApplicationAdmin());
        yield return ("AddPortalAuthentication", () => services.AddPortalAuthentication(configuration));
        yield return ("AddPortalAuthorization", () => services.AddPortalAuthorization());
        yield return ("AddPortalLocalization", () => services.AddPortalLocalization());
        yield return ("AddPortalHealthChecks", () => services.AddPortalHealthChecks());
        yield return ("AddPortalMetrics", () => services.AddPortalMetrics(configuration));
        yield return ("AddPortalWiki", () => services.AddPortalWiki(configuration));
        yield return ("AddPortalWikiPageServices", () => services.AddPortalWikiPageServices());
        yield return ("AddPortalSearch", () => services.AddPortalSearch(configuration));
        yield return ("AddPortalSearchSources", () => services.AddPortalSearchSources());
        yield return ("AddPortalOrgChart", () => services.AddPortalOrgChart(configuration));
        yield return ("AddPortalSearchChangeFeed", () => services.AddPortalSearchChangeFeed());
        yield return ("AddPortalHome", () => services.AddPortalHome());
        yield return ("AddPortalBoardServices", () => services.AddPortalBoardServices());
        yield return ("AddPortalWorkCounters", () => services.AddPortalWorkCounters());
        yield return ("AddPortalAudit", () => services.AddPortalAudit());
        yield return ("AddPortalCommands", () => services.AddPortalCommands());
    }

    /// <inheritdoc/>
    public async Task<int> RunAsync(PortalCommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsCheck(context.Arguments))
        {
            return UsageError(context.Arguments, context.Error);
        }

        // Reached when the host was composed already (tests; Program runs the static form before composing).
        var descriptors = context.Services.GetService<PortalServiceDescriptors>()?.Services.ToList() ?? [];
        var problems = ValidateOptions(context.Services, descriptors);
        return await ReportAsync(
            context.Services.GetRequiredService<IConfiguration>(), context.Services.GetRequiredService<IHostEnvironment>(), problems, context.Out, context.Error);
    }

    /// <summary>Binds and validates every options type of the portal's own code, then runs the start-up validators.</summary>
    internal static List<string> ValidateOptions(IServiceProvider services, IEnumerable<ServiceDescriptor> descriptors)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(descriptors);
        var problems = new List<string>();
        var types = descriptors
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() is var g
                && (g == typeof(IConfigureOptions<>) || g == typeof(IValidateOptions<>) || g == typeof(IOptionsChangeTokenSource<>)))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("GatewayPortal", StringComparison.Ordinal) == true)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        var validate = typeof(ConfigCheckCommand).GetMethod(nameof(ValidateOne), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in types)
        {
            validate.MakeGenericMethod(type).Invoke(null, [services, problems]);
        }

        // ValidateOnStart registrations (also those of libraries), exactly as a node runs them before it serves.
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            AddFailures(problems, ex);
        }
        catch (AggregateException ex)
        {
            foreach (var inner in ex.Flatten().InnerExceptions)
            {
                if (inner is OptionsValidationException validation)
                {
                    AddFailures(problems, validation);
                }
                else
                {
                    AddOnce(problems, Describe(inner));
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            AddOnce(problems, Describe(ex));
        }

        return problems;
    }

    private static void ValidateOne<TOptions>(IServiceProvider services, List<string> problems)
        where TOptions : class
    {
        var names = services.GetServices<IOptionsChangeTokenSource<TOptions>>().Select(s => s.Name ?? Options.DefaultName).Append(Options.DefaultName).Distinct();
        foreach (var name in names)
        {
            try
            {
                // Get binds and runs every validator of the type (data annotations included).
                _ = services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            }
            catch (OptionsValidationException ex)
            {
                AddFailures(problems, ex);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
            {
                AddOnce(problems, Describe(ex));
            }
        }
    }

    private static void AddFailures(List<string> problems, OptionsValidationException exception)
    {
        var section = exception.OptionsType?.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;
        foreach (var failure in exception.Failures)
        {
            // The stock data-annotation message names the class and member; say the key instead.
            if (DataAnnotationFailure().Match(failure) is { Success: true } match)
            {
                var message = match.Groups["error"].Value;
                var key = section is null ? match.Groups["member"].Value : section + ":" + match.Groups["member"].Value;
                AddOnce(problems, message.Contains(key, StringComparison.Ordinal) ? message : $"{key}: {message}");
            }
            else
            {
                AddOnce(problems, failure);
            }
        }
    }

    private static void AddOnce(List<string> problems, string problem)
    {
        if (!problems.Contains(problem, StringComparer.Ordinal))
        {
            problems.Add(problem);
        }
    }

    // A value that cannot be bound names its key; the value itself may be a secret, so it is left out.
    private static string Describe(Exception exception) =>
        BindFailure().Match(exception.Message) is { Success: true } match
            ? $"{match.Groups["key"].Value}: the value cannot be read as {ShortType(match.Groups["type"].Value)}."
            : exception.Message;

    private static string ShortType(string type) => type[(type.LastIndexOf('.') + 1)..];

    private static async Task<int> ReportAsync(IConfiguration configuration, IHostEnvironment environment, List<string> problems, TextWriter output, TextWriter error)
    {
        var secrets = SecretValues(configuration);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync("config: " + Redact(problem, secrets));
            }

            await error.WriteLineAsync($"config: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}; the node would not start (or would start wrongly) with these settings.");
            return PortalCommandExit.CheckFailed;
        }

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var servers = configuration.GetSection("Directory:Servers").Get<string[]>() ?? [];
        var node = configuration["Cluster:NodeName"];
        await output.WriteLineAsync("configuration is valid");
        await output.WriteLineAsync($"  environment:        {environment.EnvironmentName}");
        await output.WriteLineAsync($"  database provider:  {database.Provider}");
        await output.WriteLineAsync($"  directory servers:  {(servers.Length == 0 ? "(none)" : string.Join(", ", servers.Select(WithoutUserInfo)))}");
        await output.WriteLineAsync($"  node name:          {(string.IsNullOrWhiteSpace(node) ? "(not set: machine name and process id, new at each start)" : node)}");
        return PortalCommandExit.Ok;
    }

    private static string WithoutUserInfo(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 ? url.Replace(uri.UserInfo + "@", "", StringComparison.Ordinal) : url;

    /// <summary>Every configured value that is or holds a secret: keys naming a password or secret, and connection strings' passwords.</summary>
    internal static IReadOnlyList<string> SecretValues(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secrets = new List<string>();
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var last = key[(key.LastIndexOf(':') + 1)..];
            if (last.Contains("password", StringComparison.OrdinalIgnoreCase) || last.Contains("secret", StringComparison.OrdinalIgnoreCase)
                || last.Contains("apikey", StringComparison.OrdinalIgnoreCase) || last.Contains("token", StringComparison.OrdinalIgnoreCase))
            {
                secrets.Add(value);
            }

            if (last.Contains("connectionstring", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    var builder = new DbConnectionStringBuilder { ConnectionString = value };
                    foreach (var part in new[] { "password", "pwd" })
                    {
                        if (builder.TryGetValue(part, out var password) && password?.ToString() is { Length: > 0 } text)
                        {
                            secrets.Add(text);
                        }
                    }
                }
                catch (ArgumentException)
                {
                    // Not parseable: the whole value stays out of the output.
                    secrets.Add(value);
                }
            }
        }

        return [.. secrets.Where(s => s.Length >= 3).Distinct().OrderByDescending(s => s.Length)];
    }

    /// <summary>Replaces every secret value in <paramref name="text"/> with <c>***</c>.</summary>
    internal static string Redact(string text, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }

    private static bool IsCheck(IReadOnlyList<string> arguments) => arguments is ["check"];

    private static int UsageError(IReadOnlyList<string> arguments, TextWriter error)
    {
        error.WriteLine(arguments.Count == 0 ? "config: say check." : $"config: unexpected argument '{arguments[^1]}'.");
        error.WriteLine("usage:");
        error.WriteLine("  config check");
        return PortalCommandExit.Usage;
    }

    [GeneratedRegex(@"at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BindFailure();

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '(?<member>[^']*)' with the error: '(?<error>.*)'\.$")]
    private static partial Regex DataAnnotationFailure();
}

/// <summary>The registrations the services were built from, so <c>config check</c> can find every options type.</summary>
/// <param name="Services">The service collection (read-only once built).</param>
public sealed record PortalServiceDescriptors(IServiceCollection Services);
