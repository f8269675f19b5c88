using GatewayPortal.Identity.Applications;

namespace GatewayPortal.Portal.Home;

/// <summary>One 할 일 line on the home: "시스템 · 결재 대기 3", linking through the launch route into the system.</summary>
/// <param name="App">The application that reported it.</param>
/// <param name="Label">The counter's label in the UI language.</param>
/// <param name="Value">How many (never zero).</param>
/// <param name="Href">The portal link that opens the system at the counter's page.</param>
public sealed record HomeWorkItem(LauncherApp App, string Label, long Value, string Href);
