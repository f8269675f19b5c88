namespace GatewayPortal.Wiki.Blame;

/// <summary>
/// For each line of one revision, the id of the revision that introduced it. Immutable; store it with <see cref="Serialize"/>
/// (run-length encoded varints, typically a few bytes per edit) and read it back with <see cref="Deserialize"/>.
/// </summary>
public sealed class BlameState
{
    private readonly long[] _origins;

    private BlameState(long[] origins)
    {
        _origins = origins;
    }

    /// <summary>The state of an empty text.</summary>
    public static BlameState Empty { get; } = new([]);

    /// <summary>The origin revision id of each line, in line order.</summary>
    public IReadOnlyList<long> Origins => _origins;

    /// <summary>Creates a state from per-line origin revision ids.</summary>
    public static BlameState FromOrigins(IEnumerable<long> origins) => new([.. origins]);

    /// <summary>Wraps an array the caller hands over and no longer changes.</summary>
    internal static BlameState Own(long[] origins) => new(origins);

    /// <summary>Encodes the state as (revision id, run length) pairs of unsigned LEB128 varints.</summary>
    public byte[] Serialize() => BlameStateCodec.Encode(_origins);

    /// <summary>Decodes a state written by <see cref="Serialize"/>.</summary>
    /// <exception cref="FormatException">The data is truncated or corrupt.</exception>
    public static BlameState Deserialize(ReadOnlySpan<byte> data) => new(BlameStateCodec.Decode(data));
}
