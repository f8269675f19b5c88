using System.Buffers;
using System.Globalization;
using System.Text;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// A <see cref="TextWriter"/> over one contiguous buffer rented from the array pool, doubling as it fills: rendering a large
/// page allocates no per-page builder on the large object heap (a presized <see cref="StringBuilder"/> would), only the result.
/// </summary>
internal sealed class PooledStringWriter(int initialCapacity) : TextWriter(CultureInfo.InvariantCulture)
{
    private char[] _buffer = ArrayPool<char>.Shared.Rent(Math.Max(initialCapacity, 256));
    private int _length;

    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>The characters written so far.</summary>
    public int Length => _length;

    public override void Write(char value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_buffer.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override string ToString() => new(_buffer, 0, _length);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
