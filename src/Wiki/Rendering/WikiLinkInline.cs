using GatewayPortal.Wiki.Titles;
using Markdig.Syntax.Inlines;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>A parsed <c>[[Target|Label]]</c> or <c>[[Target#Section]]</c> link.</summary>
internal sealed class WikiLinkInline(WikiTitle target, string? fragment, string label) : LeafInline
{
    public WikiTitle Target { get; } = target;

    public string? Fragment { get; } = fragment;

    public string Label { get; } = label;

    /// <summary>Set after link resolution; false renders a red link to the editor.</summary>
    public bool Exists { get; set; }
}
