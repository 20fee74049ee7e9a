using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SonLa.Monitor.Testing.Http;

/// <summary>
/// A small real HTTP/1.1 server on 127.0.0.1 (port 0, read back) that records every request and answers as told:
/// 200 "{}" by default, <see cref="FailFirst"/> to fail the first N requests, <see cref="Respond"/> for anything else.
/// Stands in for webhook receivers, the Telegram Bot API and the Zalo OA API in tests. Keep-alive is supported;
/// request bodies need Content-Length (what HttpClient sends for buffered content).
/// </summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    /// <summary>Refuses bodies above this, so a runaway client cannot fill the test's memory.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Task _accepting;
    private Func<RecordedRequest, ReceiverResponse> _respond = _ => ReceiverResponse.Ok();
    private int _failFirst;
    private ReceiverResponse _failure = new(503, "{\"error\":\"unavailable\"}");

    private HttpReceiver()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:PORT</c> (no trailing slash).</summary>
    public string BaseUrl => FormattableString.Invariant($"http://127.0.0.1:{Port}");

    public string Url(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    public static HttpReceiver Start() => new();

    /// <summary>A snapshot of the requests so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_requests)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> requests get <paramref name="response"/> (default 503) instead of the normal answer.</summary>
    public void FailFirst(int count, ReceiverResponse? response = null)
    {
        lock (_requests)
        {
            _failFirst = count;
            _failure = response ?? new ReceiverResponse(503, "{\"error\":\"unavailable\"}");
        }
    }

    /// <summary>How to answer requests (after any <see cref="FailFirst"/> failures).</summary>
    public void Respond(Func<RecordedRequest, ReceiverResponse> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        lock (_requests)
        {
            _respond = respond;
        }
    }

    /// <summary>Waits (real time, generous deadline) until at least <paramref name="count"/> requests arrived.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(int count, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The HTTP receiver got {Count} request(s), not {count}, within {deadline.TotalSeconds:0} s.");
            }

            await Task.Delay(20);
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException or OperationCanceledException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var reader = new HttpRequestReader(stream);
                while (!_stop.IsCancellationRequested)
                {
                    var parsed = await reader.ReadAsync(MaxBodyBytes, _stop.Token);
                    if (parsed is null)
                    {
                        return;
                    }

                    ReceiverResponse response;
                    lock (_requests)
                    {
                        var request = new RecordedRequest
                        {
                            Method = parsed.Value.Method,
                            Path = parsed.Value.Path,
                            Headers = parsed.Value.Headers,
                            Body = parsed.Value.Body,
                            ReceivedAt = DateTimeOffset.UtcNow,
                            Number = _requests.Count + 1,
                        };
                        _requests.Add(request);
                        if (_failFirst > 0)
                        {
                            _failFirst--;
                            response = _failure;
                        }
                        else
                        {
                            response = _respond(request);
                        }
                    }

                    await WriteAsync(stream, response, _stop.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
            {
                // The client went away or sent garbage: this connection ends, the receiver carries on.
            }
        }
    }

    private static async Task WriteAsync(NetworkStream stream, ReceiverResponse response, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {response.ContentType}; charset=utf-8\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        408 => "Request Timeout",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
