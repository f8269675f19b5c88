using System.IO.MemoryMappedFiles;

namespace GatewayPortal.Search.Indexing;

/// <summary>One index file mapped read-only, with the pointer to its first byte (see <see cref="MappedDirectory"/>).</summary>
internal sealed unsafe class FileMapping
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private int _closed;

    private FileMapping(MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte* start, long length)
    {
        _file = file;
        _view = view;
        Start = start;
        Length = length;
    }

    /// <summary>The file's first byte (null for an empty file).</summary>
    public byte* Start { get; }

    /// <summary>Bytes in the file when it was mapped (index files are written once and never change).</summary>
    public long Length { get; }

    /// <summary>True once the owner closed the file: reads must stop.</summary>
    public bool Closed => Volatile.Read(ref _closed) != 0;

    /// <summary>Maps the whole file read-only; an empty file gets no view.</summary>
    public static FileMapping Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        MemoryMappedFile? file = null;
        MemoryMappedViewAccessor? view = null;
        try
        {
            var length = stream.Length;
            if (length == 0)
            {
                stream.Dispose();
                return new FileMapping(null, null, null, 0);
            }

            file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return new FileMapping(file, view, start + view.PointerOffset, length);
        }
        catch
        {
            view?.Dispose();
            if (file is null)
            {
                stream.Dispose();
            }

            file?.Dispose();
            throw;
        }
    }

    /// <summary>Marks the file closed at once and releases the view after <see cref="MappedDirectory.UnmapDelay"/>.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0 || _view is null)
        {
            return;
        }

        _ = Task.Delay(MappedDirectory.UnmapDelay).ContinueWith(_ => Unmap(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void Unmap()
    {
        _view!.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file!.Dispose();
    }
}
