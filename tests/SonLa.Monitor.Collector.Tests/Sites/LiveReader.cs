using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Collector.Tests.Sites;

/// <summary>A client of GET /api/live, like a browser's EventSource: collects (event, data) pairs and comment lines.</summary>
internal sealed class LiveReader : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly Task _reading;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Event, string Data)> _events = Channel.CreateUnbounded<(string, string)>();

    private LiveReader(HttpClient http, HttpResponseMessage response, Stream body)
    {
        _http = http;
        _response = response;
        _reading = ReadAsync(new StreamReader(body));
    }

    public HttpStatusCode Status => _response.StatusCode;

    public string? MediaType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>Comment lines seen (": keep-alive", ": connected").</summary>
    public List<string> Comments { get; } = [];

    /// <summary>Opens the stream with the session's cookies (null: no login) or a bearer token, and waits for the opening comment.</summary>
    public static async Task<LiveReader> OpenAsync(Uri address, CookieContainer? cookies, string? bearerToken = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = address,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (bearerToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }

        var response = await http.GetAsync("/api/live", HttpCompletionOption.ResponseHeadersRead);
        var reader = new LiveReader(http, response, await response.Content.ReadAsStreamAsync());
        if (response.IsSuccessStatusCode)
        {
            await Poll.UntilAsync(() => reader.HasComment("connected"), TimeSpan.FromSeconds(30), "the live stream's opening comment");
        }

        return reader;
    }

    public bool HasComment(string text)
    {
        lock (Comments)
        {
            return Comments.Any(c => c.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>The next event of that name whose data matches; others before it are skipped.</summary>
    public async Task<JsonElement> NextAsync(string eventName, Func<JsonElement, bool> match, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            while (true)
            {
                var (name, data) = await _events.Reader.ReadAsync(timeout.Token);
                var json = JsonDocument.Parse(data).RootElement;
                if (name == eventName && match(json))
                {
                    return json;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"no '{eventName}' event as expected within {deadline.TotalSeconds} s");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"the live stream ended before a '{eventName}' event as expected");
        }
    }

    /// <summary>Every event received so far (and not consumed by <see cref="NextAsync"/>).</summary>
    public List<(string Event, JsonElement Data)> Drain()
    {
        var all = new List<(string, JsonElement)>();
        while (_events.Reader.TryRead(out var e))
        {
            all.Add((e.Event, JsonDocument.Parse(e.Data).RootElement));
        }

        return all;
    }

    /// <summary>Completes when the server ends the stream.</summary>
    public Task Ended => _reading;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        _http.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or HttpRequestException)
        {
            // Closed by us.
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(StreamReader reader)
    {
        string? name = null;
        var data = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Count > 0)
                    {
                        _events.Writer.TryWrite((name ?? "message", string.Join('\n', data)));
                    }

                    name = null;
                    data.Clear();
                }
                else if (line.StartsWith(':'))
                {
                    lock (Comments)
                    {
                        Comments.Add(line);
                    }
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Add(line[5..].TrimStart());
                }
            }
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }
}
