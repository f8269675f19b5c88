using GatewayPortal.Identity.Oidc.Endpoints;
using GatewayPortal.Portal.Components;
using GatewayPortal.Portal.Data;
using GatewayPortal.Portal.Endpoints;
using GatewayPortal.Portal.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPortalData(builder.Configuration, builder.Environment);
builder.Services.AddPortalIdentity(builder.Configuration);
builder.Services.AddPortalOidc<PortalDbContext>(builder.Configuration, builder.Environment);
builder.Services.AddPortalApplications(builder.Configuration);
builder.Services.AddPortalApplicationAdmin();
builder.Services.AddPortalAuthentication(builder.Configuration);
builder.Services.AddPortalLocalization();
builder.Services.AddPortalHealthChecks();
builder.Services.AddPortalObservability(builder.Configuration);
builder.Services.AddRazorComponents();

var app = builder.Build();

app.UsePortalPipeline();
app.MapStaticAssets();
app.MapRazorComponents<App>();
app.MapAccountEndpoints();
app.MapOidcEndpoints();
app.MapLauncherEndpoints();
app.MapApplicationAdminEndpoints();
app.MapSessionAdminEndpoints();
app.MapPortalHealthChecks();

app.Run();
