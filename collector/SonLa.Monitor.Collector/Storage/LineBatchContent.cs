using System.Net;
using System.Net.Http.Headers;

namespace SonLa.Monitor.Collector.Storage;

/// <summary>An HTTP body streamed from a <see cref="LineBatch"/>'s segments, with a known length.</summary>
internal sealed class LineBatchContent : HttpContent
{
    private readonly LineBatch _batch;

    public LineBatchContent(LineBatch batch)
    {
        _batch = batch;
        Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        _batch.CopyToAsync(stream, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _batch.CopyToAsync(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = _batch.Bytes;
        return true;
    }
}
