namespace GatewayPortal.Wiki.Blame;

/// <summary>Run-length encoding of per-line origins as unsigned LEB128 varints.</summary>
internal static class BlameStateCodec
{
    public static byte[] Encode(long[] origins)
    {
        using var stream = new MemoryStream();
        var i = 0;
        while (i < origins.Length)
        {
            var run = 1;
            while (i + run < origins.Length && origins[i + run] == origins[i])
            {
                run++;
            }

            Write(stream, (ulong)origins[i]);
            Write(stream, (ulong)run);
            i += run;
        }

        return stream.ToArray();
    }

    public static long[] Decode(ReadOnlySpan<byte> data)
    {
        var origins = new List<long>();
        var position = 0;
        while (position < data.Length)
        {
            var id = (long)Read(data, ref position);
            var run = Read(data, ref position);
            if (run == 0 || run > int.MaxValue || origins.Count + (long)run > int.MaxValue)
            {
                throw new FormatException("Invalid blame run length.");
            }

            origins.AddRange(Enumerable.Repeat(id, (int)run));
        }

        return [.. origins];
    }

    private static void Write(MemoryStream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    private static ulong Read(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new FormatException("Truncated blame state.");
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("Blame varint too long.");
    }
}
