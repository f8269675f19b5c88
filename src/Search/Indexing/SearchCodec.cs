using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace GatewayPortal.Search.Indexing;

/// <summary>
/// Lucene's default codec with stored fields compressed in 2 KB chunks instead of 16 KB. A result page reads the
/// stored fields of ten documents, and reading one decompresses its chunk from the start up to that document: with
/// 16 KB chunks, about a dozen documents of this corpus for each one shown. Smaller chunks read a result page several
/// times faster for somewhat more stored-field bytes (figures per chunk size in bench/RESULTS.md). The chunk size is
/// written in each segment, so segments of the default codec (earlier releases) stay readable and merge into this one.
/// </summary>
[CodecName(CodecName)]
internal sealed class SearchCodec : FilterCodec
{
    /// <summary>Bytes of documents compressed together (the default codec: 16 KB).</summary>
    internal const int ChunkSize = 2048;

    /// <summary>The name written into each segment, resolved through the codec factory when an index is read.</summary>
    internal const string CodecName = "GatewayPortal46";

    private static readonly Lock RegistrationLock = new();
    private static bool _registered;
    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("GatewayPortalStoredFields", CompressionMode.FAST, ChunkSize);

    /// <summary>Creates the codec over <see cref="Lucene46Codec"/>.</summary>
    public SearchCodec()
        : base(new Lucene46Codec())
    {
    }

    /// <inheritdoc/>
    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    /// <summary>Makes the codec's name resolvable when an index is read (once per process).</summary>
    public static void Register()
    {
        lock (RegistrationLock)
        {
            if (!_registered)
            {
                Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(SearchCodec)] });
                _registered = true;
            }
        }
    }
}
