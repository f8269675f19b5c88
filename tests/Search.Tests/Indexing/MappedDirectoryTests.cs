using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Tests.Support;
using Lucene.Net.Store;

namespace GatewayPortal.Search.Tests.Indexing;

public sealed class MappedDirectoryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly MappedDirectory _directory;

    public MappedDirectoryTests() => _directory = new MappedDirectory(new DirectoryInfo(_folder.Path));

    public void Dispose()
    {
        _directory.Dispose();
        _folder.Dispose();
    }

    private void Write(string name, Action<IndexOutput> write)
    {
        using var output = _directory.CreateOutput(name, IOContext.DEFAULT);
        write(output);
    }

    [Fact]
    public void OpenInput_ReadsWhatWasWritten_InLucenesByteOrder()
    {
        // Arrange
        Write("f", o =>
        {
            o.WriteByte(7);
            o.WriteInt16(-2);
            o.WriteInt32(0x01020304);
            o.WriteInt64(-0x0102030405060708L);
            o.WriteVInt32(300);
            o.WriteVInt64(1L << 40);
            o.WriteString("행정포털");
            o.WriteBytes([9, 8, 7], 3);
        });

        // Act
        using var input = _directory.OpenInput("f", IOContext.DEFAULT);
        var values = (input.ReadByte(), input.ReadInt16(), input.ReadInt32(), input.ReadInt64(), input.ReadVInt32(), input.ReadVInt64(), input.ReadString());
        var bytes = new byte[3];
        input.ReadBytes(bytes, 0, 3);

        // Assert
        Assert.Equal(((byte)7, (short)-2, 0x01020304, -0x0102030405060708L, 300, 1L << 40, "행정포털"), values);
        Assert.Equal([9, 8, 7], bytes);
        Assert.Equal(input.Length, input.Position);
    }

    [Fact]
    public void Read_PastTheEnd_ThrowsEndOfStreamAndKeepsThePosition()
    {
        // Arrange
        Write("f", o => o.WriteInt32(1));
        using var input = _directory.OpenInput("f", IOContext.DEFAULT);
        input.Seek(2);

        // Act & Assert
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Equal(2, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.Seek(5));
        input.Seek(4);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void Clone_KeepsItsOwnPosition_AndStaysOpenWhenDisposed()
    {
        // Arrange
        Write("f", o => o.WriteBytes([1, 2, 3, 4], 4));
        using var input = _directory.OpenInput("f", IOContext.DEFAULT);
        input.ReadByte();

        // Act
        var clone = (IndexInput)input.Clone();
        var fromClone = (clone.ReadByte(), clone.ReadByte());
        clone.Dispose();
        var fromOriginal = input.ReadByte();

        // Assert
        Assert.Equal(((byte)2, (byte)3), fromClone);
        Assert.Equal(2, fromOriginal);
    }

    [Fact]
    public void Clone_AfterTheFileIsClosed_ThrowsInsteadOfReadingReleasedMemory()
    {
        // Arrange
        Write("f", o => o.WriteInt64(42));
        var input = _directory.OpenInput("f", IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();

        // Act
        input.Dispose();

        // Assert
        Assert.Throws<ObjectDisposedException>(() => clone.ReadByte());
        Assert.Throws<ObjectDisposedException>(() => clone.ReadInt64());
    }

    [Fact]
    public void CreateSlicer_SlicesReadTheirOwnRange_AndRefuseRangesOutsideTheFile()
    {
        // Arrange
        Write("cfs", o => o.WriteBytes([0, 1, 2, 3, 4, 5, 6, 7], 8));
        using var slicer = _directory.CreateSlicer("cfs", IOContext.DEFAULT);

        // Act
        using var slice = slicer.OpenSlice("middle", 2, 4);
        var bytes = new byte[4];
        slice.ReadBytes(bytes, 0, 4);

        // Assert
        Assert.Equal([2, 3, 4, 5], bytes);
        Assert.Equal(4, slice.Length);
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.Throws<ArgumentException>(() => slicer.OpenSlice("outside", 6, 4));
    }

    [Fact]
    public void OpenInput_EmptyFile_HasNoBytes()
    {
        // Arrange
        Write("empty", _ => { });

        // Act
        using var input = _directory.OpenInput("empty", IOContext.DEFAULT);

        // Assert
        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }
}
