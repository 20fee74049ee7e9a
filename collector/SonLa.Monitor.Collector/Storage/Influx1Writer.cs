using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.Storage;

/// <summary>
/// Writes to InfluxDB 1.x: <c>POST /write?db=DB&amp;precision=ns</c>, optional basic auth.
/// 204 = stored. 400 = refused for good (with "partial write" the other points were stored).
/// 401/403/404 (bad credentials, no such database) are configuration problems: treated as
/// unavailable, so agents keep their data until an operator fixes it. 5xx, 429, timeouts and
/// network errors are unavailable too, with Retry-After when InfluxDB sends it.
/// </summary>
public sealed partial class Influx1Writer : IMetricWriter
{
    private readonly HttpClient _http;
    private readonly Uri _writeUri;
    private readonly AuthenticationHeaderValue? _authorization;

    public Influx1Writer(HttpClient http, InfluxOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        var baseUrl = new Uri(options.Url!.TrimEnd('/') + "/");
        _writeUri = new Uri(baseUrl, $"write?db={Uri.EscapeDataString(options.Database)}&precision=ns");
        Target = new Uri(baseUrl, "write").ToString() + $" (database {options.Database})";
        if (!string.IsNullOrWhiteSpace(options.Username) && options.Password is { IsEmpty: false } password)
        {
            var raw = Encoding.UTF8.GetBytes($"{options.Username}:{password.Reveal()}");
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        }
    }

    public string Target { get; }

    public Task WriteAsync(IReadOnlyList<LinePoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        return points.Count == 0 ? Task.CompletedTask : PostAsync(LineBatch.From(points), cancellationToken);
    }

    public Task WriteAsync(LineBatch lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Points == 0 ? Task.CompletedTask : PostAsync(lines, cancellationToken);
    }

    /// <summary>
    /// An empty write: InfluxDB 1.x answers 204 only when it is up, the database exists and the
    /// credentials are good, so the probe checks what a real write needs.
    /// </summary>
    public Task ProbeAsync(CancellationToken cancellationToken) => PostAsync(new LineBatch([], 0), cancellationToken);

    private async Task PostAsync(LineBatch body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri)
        {
            Content = new LineBatchContent(body),
        };
        request.Headers.Authorization = _authorization;

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new StorageUnavailableException(ex.Message, null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException("timed out", null, ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NoContent || response.IsSuccessStatusCode)
            {
                return;
            }

            var error = await ReadErrorAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
            {
                var partial = error.Contains("partial write", StringComparison.Ordinal);
                var dropped = DroppedPattern().Match(error) is { Success: true } m
                    ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
                    : (int?)null;
                throw new StorageRejectedException($"HTTP {status}: {error}", partial, dropped);
            }

            throw new StorageUnavailableException($"HTTP {status}: {error}", RetryAfter(response));
        }
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.TryGetValues("X-Influxdb-Error", out var values))
        {
            return string.Join(" ", values);
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        body = body.ReplaceLineEndings(" ").Trim();
        return body.Length > 500 ? body[..500] : (body.Length == 0 ? response.ReasonPhrase ?? "" : body);
    }

    [GeneratedRegex(@"dropped=(\d+)")]
    private static partial Regex DroppedPattern();
}
