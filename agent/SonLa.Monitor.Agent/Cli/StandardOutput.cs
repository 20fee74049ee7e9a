using Microsoft.Win32.SafeHandles;

namespace SonLa.Monitor.Agent.Cli;

/// <summary>
/// stdout as a raw stream whose write failures surface as <see cref="OutputClosedException"/>.
/// On Unix, .NET's console stream swallows EPIPE, so `sonla-agent walk ... | head` would walk a
/// whole device for nobody; file descriptor 1 as a FileStream reports it instead.
/// </summary>
internal sealed class StandardOutput : Stream
{
    private readonly Stream _inner;

    private StandardOutput(Stream inner) => _inner = inner;

    public static Stream Open() => new StandardOutput(OpenPipe() ?? Console.OpenStandardOutput());

    /// <summary>
    /// File descriptor 1 when it is a pipe, socket or terminal (not seekable). A regular file keeps the
    /// console stream: FileStream would write it at offsets of its own.
    /// </summary>
    private static FileStream? OpenPipe()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!stream.CanSeek)
            {
                return stream;
            }

            stream.Dispose();
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        catch (ArgumentException)
        {
            // Not a usable descriptor: the console stream copes.
        }

        return null;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            _inner.Write(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputClosedException("Standard output is closed.", e);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await _inner.WriteAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputClosedException("Standard output is closed.", e);
        }
    }

    public override void Flush()
    {
        try
        {
            _inner.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputClosedException("Standard output is closed.", e);
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _inner.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputClosedException("Standard output is closed.", e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
