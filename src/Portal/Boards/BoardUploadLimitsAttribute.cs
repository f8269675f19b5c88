using GatewayPortal.Boards.Attachments;
using Microsoft.AspNetCore.Http.Metadata;

namespace GatewayPortal.Portal.Boards;

/// <summary>
/// Raises the request body limit (Kestrel's 30 MB default) and the multipart limit on the notice form only: ten files of
/// 20 MB plus the text. A bigger body is refused with 413 while the form is read.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BoardUploadLimitsAttribute : Attribute, IRequestSizeLimitMetadata, IFormOptionsMetadata
{
    /// <summary>The largest notice form accepted.</summary>
    public const long MaxBodyBytes = AttachmentPolicy.MaxFiles * AttachmentPolicy.MaxFileBytes + 2 * 1024 * 1024;

    /// <inheritdoc/>
    public long? MaxRequestBodySize => MaxBodyBytes;

    /// <inheritdoc/>
    public bool? BufferBody => null;

    /// <inheritdoc/>
    public int? MemoryBufferThreshold => null;

    /// <inheritdoc/>
    public long? BufferBodyLengthLimit => null;

    /// <inheritdoc/>
    public int? ValueCountLimit => null;

    /// <inheritdoc/>
    public int? KeyLengthLimit => null;

    /// <inheritdoc/>
    public int? ValueLengthLimit => null;

    /// <inheritdoc/>
    public int? MultipartBoundaryLengthLimit => null;

    /// <inheritdoc/>
    public int? MultipartHeadersCountLimit => null;

    /// <inheritdoc/>
    public int? MultipartHeadersLengthLimit => null;

    /// <inheritdoc/>
    public long? MultipartBodyLengthLimit => MaxBodyBytes;
}
