using System.Globalization;
using System.Text;

namespace SonLa.Monitor.Testing.Http;

/// <summary>Reads HTTP/1.1 requests (request line, headers, Content-Length body) one after another from a stream.</summary>
internal sealed class HttpRequestReader
{
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    public HttpRequestReader(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>The next request, or null when the client closed the connection between requests.</summary>
    public async Task<(string Method, string Path, Dictionary<string, string> Headers, byte[] Body)?> ReadAsync(
        int maxBody, CancellationToken cancellationToken)
    {
        var head = new MemoryStream();
        // Read until CRLFCRLF.
        while (true)
        {
            var text = head.Length >= 4 ? head.GetBuffer().AsSpan(0, (int)head.Length) : [];
            if (text.Length >= 4 && text[^4..].SequenceEqual("\r\n\r\n"u8))
            {
                break;
            }

            if (head.Length > MaxHeaderBytes)
            {
                throw new InvalidDataException("request head too large");
            }

            var next = await ReadByteAsync(cancellationToken);
            if (next < 0)
            {
                return head.Length == 0 ? null : throw new InvalidDataException("connection closed inside a request head");
            }

            head.WriteByte((byte)next);
        }

        var lines = Encoding.ASCII.GetString(head.GetBuffer(), 0, (int)head.Length).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length < 3)
        {
            throw new InvalidDataException("bad request line");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException("bad header line");
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }

        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return (requestLine[0], requestLine[1], headers, await ReadChunkedAsync(maxBody, cancellationToken));
        }

        var length = headers.TryGetValue("Content-Length", out var lengthText)
            ? int.Parse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;
        if (length > maxBody)
        {
            throw new InvalidDataException("body too large");
        }

        var body = new byte[length];
        for (var i = 0; i < length; i++)
        {
            var next = await ReadByteAsync(cancellationToken);
            body[i] = next < 0 ? throw new InvalidDataException("connection closed inside a body") : (byte)next;
        }

        return (requestLine[0], requestLine[1], headers, body);
    }

    private async Task<byte[]> ReadChunkedAsync(int maxBody, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken);
            var size = int.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                // Trailers (none expected) end with an empty line.
                while ((await ReadLineAsync(cancellationToken)).Length > 0)
                {
                }

                return body.ToArray();
            }

            if (body.Length + size > maxBody)
            {
                throw new InvalidDataException("body too large");
            }

            for (var i = 0; i < size; i++)
            {
                var next = await ReadByteAsync(cancellationToken);
                body.WriteByte(next < 0 ? throw new InvalidDataException("connection closed inside a chunk") : (byte)next);
            }

            _ = await ReadLineAsync(cancellationToken);
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            var next = await ReadByteAsync(cancellationToken);
            if (next < 0)
            {
                throw new InvalidDataException("connection closed inside a line");
            }

            if (next == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length > 1024)
            {
                throw new InvalidDataException("line too long");
            }

            line.Append((char)next);
        }
    }

    private async ValueTask<int> ReadByteAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = 0;
            _end = await _stream.ReadAsync(_buffer, cancellationToken);
            if (_end == 0)
            {
                return -1;
            }
        }

        return _buffer[_start++];
    }
}
