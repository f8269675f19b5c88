using System.Buffers.Binary;
using Lucene.Net.Store;

namespace GatewayPortal.Search.Indexing;

/// <summary>
/// Reads a range of a <see cref="FileMapping"/> through its pointer. Clones share the mapping and keep their own
/// position; only the input the directory opened owns the mapping (see <see cref="MappedDirectory"/>).
/// </summary>
internal sealed unsafe class MappedIndexInput(string resourceDescription, FileMapping mapping, long offset, long length, bool ownsMapping) : IndexInput(resourceDescription)
{
    private readonly FileMapping _mapping = mapping;
    private readonly byte* _start = mapping.Start + offset;
    private readonly long _length = length;
    private long _position;
    private bool _ownsMapping = ownsMapping;

    public override long Length => _length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        if ((ulong)pos > (ulong)_length)
        {
            throw new EndOfStreamException($"Seek past EOF ({pos} of {_length}): {this}");
        }

        _position = pos;
    }

    public override byte ReadByte()
    {
        var at = _position;
        if (at >= _length)
        {
            throw new EndOfStreamException($"Read past EOF: {this}");
        }

        EnsureOpen();
        _position = at + 1;
        return _start[at];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        var span = Take(len);
        span.CopyTo(b.AsSpan(offset, len));
    }

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

    public override object Clone()
    {
        var clone = (MappedIndexInput)base.Clone();
        clone._ownsMapping = false;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsMapping)
        {
            _ownsMapping = false;
            _mapping.Close();
        }
    }

    /// <summary>The next <paramref name="count"/> bytes, after the bounds and closed checks; moves past them.</summary>
    private ReadOnlySpan<byte> Take(int count)
    {
        var at = _position;
        if ((ulong)count > (ulong)(_length - at))
        {
            throw new EndOfStreamException($"Read past EOF ({count} bytes at {at} of {_length}): {this}");
        }

        EnsureOpen();
        _position = at + count;
        return new ReadOnlySpan<byte>(_start + at, count);
    }

    private void EnsureOpen()
    {
        if (_mapping.Closed)
        {
            throw new ObjectDisposedException(ToString(), "The index file is closed.");
        }
    }
}
