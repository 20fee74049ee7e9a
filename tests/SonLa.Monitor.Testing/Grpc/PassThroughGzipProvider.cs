using System.IO.Compression;
using Grpc.Net.Compression;

namespace SonLa.Monitor.Testing.Grpc;

/// <summary>
/// A "gzip" that passes the bytes through unchanged on the way out. A benchmark gzips its messages before timing (the
/// agent's compression CPU is spent on the commune's machine in the field, not next to the collector); a test sends
/// bytes that are not gzip at all under the gzip label, as a broken or hostile client would.
/// </summary>
public sealed class PassThroughGzipProvider : ICompressionProvider
{
    public string EncodingName => "gzip";

    public static byte[] Compress(byte[] message)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(message);
        }

        return buffer.ToArray();
    }

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) => new PassThrough(stream);

    public Stream CreateDecompressionStream(Stream stream) => new GZipStream(stream, CompressionMode.Decompress);

    private sealed class PassThrough(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);
    }
}
