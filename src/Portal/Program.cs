using GatewayPortal.Identity.Oidc.Endpoints;
using GatewayPortal.Portal.Components;
using GatewayPortal.Portal.Data;
using GatewayPortal.Portal.Endpoints;
using GatewayPortal.Portal.Operations;

// "GatewayPortal.Portal.dll <verb> …" runs an operator command with this node's configuration and exits.
var commandLine = PortalCommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(commandLine.HostArguments);
// Settings from files (X_FILE, env X__FILE) and systemd credentials; a bad file ends the start with its key and path.
if (!GatewayPortal.Portal.Security.SecretFiles.TryAdd(builder.Configuration, Console.Error))
{
    return 1;
}

builder.Logging.AddPortalLogging(builder.Configuration, builder.Environment);
if (commandLine.IsCommand)
{
    // A command's output is its own; the host's start-up chatter would only bury it.
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    // Log lines go to standard error, so a verb's results on standard output stay clean for scripts (catalog export -).
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    // Changes made by a verb are audited with the command line as their actor (AddPortalAudit only adds a default).
    builder.Services.AddSingleton<GatewayPortal.Identity.Audit.IAdminAuditActorSource, CommandLineAudit.ActorSource>();
}

if (commandLine.Verb == ConfigCheckCommand.Verb)
{
    // Checks the settings while composing, so that a composition that would stop the start is reported too.
    return await ConfigCheckCommand.RunAsync(builder, commandLine.VerbArguments, Console.Out, Console.Error);
}

builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment);
builder.Services.AddPortalDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddPortalIdentity(builder.Configuration);
builder.Services.AddPortalOidc<PortalDbContext>(builder.Configuration, builder.Environment);
builder.Services.AddPortalApplications(builder.Configuration);
builder.Services.AddPortalApplicationAdmin();
builder.Services.AddPortalAuthentication(builder.Configuration);
builder.Services.AddPortalAuthorization();
builder.Services.AddPortalLocalization();
builder.Services.AddPortalHealthChecks();
builder.Services.AddPortalMetrics(builder.Configuration);
builder.Services.AddPortalWiki(builder.Configuration);
builder.Services.AddPortalWikiPageServices();
builder.Services.AddPortalSearch(builder.Configuration);
builder.Services.AddPortalSearchSources();
builder.Services.AddPortalOrgChart(builder.Configuration);
builder.Services.AddPortalSearchChangeFeed();
builder.Services.AddPortalHome();
GatewayPortal.Portal.Http.PortalResponseCompression.AddPortalResponseCompression(builder.Services, builder.Configuration);
builder.Services.AddPortalBoardServices();
builder.Services.AddPortalWorkCounters();
builder.Services.AddPortalAudit();
builder.Services.AddPortalCommands();

// Interactive islands (the wiki editor's toolbar and live preview); a preview sends up to ~300 KB in one message.
builder.Services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(o => o.MaximumReceiveMessageSize = 1024 * 1024);

var app = builder.Build();
if (commandLine.IsCommand)
{
    return await commandLine.RunAsync(app.Services, Console.Out, Console.Error);
}

// Migrates (Database:MigrateAtStart) or refuses a schema this release cannot run on, before anything starts.
if (await app.Services.GetRequiredService<DatabaseStartGate>().PrepareAsync() is var refused and not PortalCommandExit.Ok)
{
    return refused;
}

app.UsePortalPipeline();
app.MapStaticAssets();
// The pipeline already sends frame-ancestors 'none' on every response; a second CSP header from Blazor would only be weaker.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
app.MapAccountEndpoints();
app.MapOidcEndpoints();
app.MapLauncherEndpoints();
app.MapApplicationAdminEndpoints();
app.MapSessionAdminEndpoints();
app.MapSearchAdminEndpoints();
app.MapSearchSuggestEndpoints();
app.MapWikiEndpoints();
app.MapNoticeEndpoints();
app.MapWorkCounterEndpoints();
app.MapHealthEndpoints();
app.MapAuditExportEndpoints();

await app.RunAsync();
return 0;
