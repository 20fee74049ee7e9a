using System.Net;
using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Core.Exceptions;
using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.Storage;

/// <summary>
/// Writes to InfluxDB 2.x/3.x through InfluxDB.Client's <see cref="WriteApiAsync"/> (awaited, so
/// a batch is acknowledged only after the write; never the batched, event-reporting WriteApi),
/// with the same line-protocol text as the 1.x writer. Status codes map as in <see cref="Influx1Writer"/>.
/// </summary>
public sealed class Influx2Writer : IMetricWriter, IDisposable
{
    private readonly InfluxDBClient _client;
    private readonly WriteApiAsync _writeApi;
    private readonly string _bucket;
    private readonly string _org;

    public Influx2Writer(InfluxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _bucket = options.EffectiveBucket;
        _org = options.Org ?? "";
        var clientOptions = new InfluxDBClientOptions(options.Url)
        {
            Token = options.Token?.Reveal() ?? "",
            Org = _org,
            Bucket = _bucket,
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        };
        _client = new InfluxDBClient(clientOptions);
        _writeApi = _client.GetWriteApiAsync();
        Target = $"{options.Url!.TrimEnd('/')}/api/v2/write (org {_org}, bucket {_bucket})";
    }

    public string Target { get; }

    public async Task WriteAsync(IReadOnlyList<LinePoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return;
        }

        await WriteAsync(LineBatch.From(points), cancellationToken);
    }

    public async Task WriteAsync(LineBatch lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Points == 0)
        {
            return;
        }

        try
        {
            // One record holding every line: the client posts it as the body, as InfluxDB's v2 write API reads it.
            await _writeApi.WriteRecordAsync(lines.ToText(), WritePrecision.Ns, _bucket, _org, cancellationToken);
        }
        catch (HttpException ex) when (ex.Status is (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.RequestEntityTooLarge
                                           or (int)HttpStatusCode.UnprocessableEntity)
        {
            var partial = ex.Message.Contains("partial write", StringComparison.OrdinalIgnoreCase);
            throw new StorageRejectedException($"HTTP {ex.Status}: {ex.Message}", partial, null, ex);
        }
        catch (HttpException ex)
        {
            TimeSpan? retryAfter = ex.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
            var status = ex.Status == 0 ? "" : $"HTTP {ex.Status}: ";
            throw new StorageUnavailableException(status + ex.Message, retryAfter, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new StorageUnavailableException(ex.Message, null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException("timed out", null, ex);
        }
    }

    /// <summary>GET /ping: InfluxDB 2.x and 3.x answer it (without checking the token or bucket).</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        bool up;
        try
        {
            up = await _client.PingAsync().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpException or HttpRequestException or InfluxException)
        {
            throw new StorageUnavailableException(ex.Message, null, ex);
        }

        if (!up)
        {
            throw new StorageUnavailableException("no answer to /ping");
        }
    }

    public void Dispose() => _client.Dispose();
}
