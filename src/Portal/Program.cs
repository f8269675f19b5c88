using GatewayPortal.Portal.Components;
using GatewayPortal.Portal.Endpoints;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPortalData(builder.Configuration, builder.Environment);
builder.Services.AddPortalIdentity(builder.Configuration);
builder.Services.AddPortalAuthentication(builder.Configuration);
builder.Services.AddPortalLocalization();
builder.Services.AddPortalHealthChecks();
builder.Services.AddRazorComponents();

var app = builder.Build();

app.UsePortalPipeline();
app.MapStaticAssets();
app.MapRazorComponents<App>();
app.MapAccountEndpoints();
app.MapPortalHealthChecks();

app.Run();
