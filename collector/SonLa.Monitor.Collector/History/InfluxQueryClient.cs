using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.History;

/// <summary>
/// Reads InfluxDB with InfluxQL: <c>GET /query?db=...&amp;q=...&amp;epoch=ms</c>, which 1.x answers natively and 2.x/3.x
/// through their v1 compatibility API (db = the bucket, through its DBRP mapping). 1.x credentials go as HTTP basic
/// auth, the 2.x token as <c>Authorization: Token</c>, never in the URL, so no secret can reach a log or an error.
/// Bounded: the HttpClient's timeout and <see cref="MaxAnswerBytes"/>.
/// </summary>
public sealed class InfluxQueryClient
{
    /// <summary>Our queries are downsampled to a few hundred points a series; anything near this is a mistake.</summary>
    public const int MaxAnswerBytes = 16 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly Uri _queryUri;
    private readonly string _database;
    private readonly AuthenticationHeaderValue? _authorization;

    public InfluxQueryClient(HttpClient http, InfluxOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _queryUri = new Uri(new Uri((options.Url ?? "http://127.0.0.1:8086").TrimEnd('/') + "/"), "query");
        if (options.IsVersion2)
        {
            _database = options.EffectiveBucket;
            if (options.Token is { IsEmpty: false } token)
            {
                _authorization = new AuthenticationHeaderValue("Token", token.Reveal());
            }
        }
        else
        {
            _database = options.Database;
            if (!string.IsNullOrWhiteSpace(options.Username) && options.Password is { IsEmpty: false } password)
            {
                var raw = Encoding.UTF8.GetBytes($"{options.Username}:{password.Reveal()}");
                _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
            }
        }
    }

    /// <summary>Runs one or more statements (separated by ';') and returns every series, tagged with its statement.</summary>
    /// <exception cref="InfluxQueryException">InfluxDB cannot be read, or refused a statement.</exception>
    public async Task<IReadOnlyList<InfluxSeries>> QueryAsync(string influxQl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(influxQl);
        var uri = new UriBuilder(_queryUri)
        {
            Query = "db=" + Uri.EscapeDataString(_database) + "&epoch=ms&q=" + Uri.EscapeDataString(influxQl),
        }.Uri;
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = _authorization;

        byte[] body;
        int status;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            status = (int)response.StatusCode;
            body = await ReadBoundedAsync(response.Content, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // The message names the host and port at most ("Connection refused (127.0.0.1:8086)"), never the query string.
            throw new InfluxQueryException("InfluxDB cannot be reached: " + OneLine(ex.Message), ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InfluxQueryException($"InfluxDB did not answer within {_http.Timeout.TotalSeconds:0} s", ex);
        }

        return Parse(body, status);
    }

    internal static IReadOnlyList<InfluxSeries> Parse(byte[] body, int status)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new InfluxQueryException(status is >= 200 and < 300
                ? "InfluxDB answered something that is not JSON"
                : $"InfluxDB answered HTTP {status}", ex);
        }

        using (document)
        {
            var root = document.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InfluxQueryException("InfluxDB answered something that is not a query result");
            }

            if (root.TryGetProperty("error", out var error))
            {
                throw new InfluxQueryException($"InfluxDB refused the query (HTTP {status}): {Text(error)}");
            }

            if (status is < 200 or >= 300)
            {
                throw new InfluxQueryException($"InfluxDB answered HTTP {status}");
            }

            var series = new List<InfluxSeries>();
            if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                return series;
            }

            var index = 0;
            foreach (var result in results.EnumerateArray())
            {
                var statement = result.TryGetProperty("statement_id", out var id) && id.TryGetInt32(out var n) ? n : index;
                index++;
                if (result.TryGetProperty("error", out var statementError))
                {
                    throw new InfluxQueryException($"InfluxDB refused the query: {Text(statementError)}");
                }

                if (result.TryGetProperty("series", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    series.AddRange(list.EnumerateArray().Select(s => Series(statement, s)));
                }
            }

            return series;
        }
    }

    private static InfluxSeries Series(int statement, JsonElement series)
    {
        var name = series.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (series.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in t.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString()! : tag.Value.GetRawText();
            }
        }

        var columns = series.TryGetProperty("columns", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
            : [];
        var rows = series.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Array).Select(r => r.EnumerateArray().ToArray()).ToArray()
            : [];
        return new InfluxSeries(statement, name, tags, columns, rows);
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxAnswerBytes)
        {
            throw new InfluxQueryException($"InfluxDB answered more than {MaxAnswerBytes / (1024 * 1024)} MB");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxAnswerBytes)
            {
                throw new InfluxQueryException($"InfluxDB answered more than {MaxAnswerBytes / (1024 * 1024)} MB");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Text(JsonElement element)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : element.GetRawText();
        text = OneLine(text);
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
