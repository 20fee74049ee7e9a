using SonLa.Monitor.Collector.Diagnostics;

namespace SonLa.Monitor.Collector.Storage;

/// <summary>
/// Whether InfluxDB answered the last write. Logs only state changes ("unreachable: reason" once,
/// then "reachable again"), never each failed batch.
/// </summary>
public sealed class StorageHealth
{
    private readonly ILogger<StorageHealth> _logger;
    private readonly TimeProvider _time;
    private readonly object _lock = new();
    private bool _reachable = true;
    private string? _lastError;
    private DateTimeOffset? _since;
    private DateTimeOffset _retryNotBefore = DateTimeOffset.MinValue;

    public StorageHealth(ILogger<StorageHealth> logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
    }

    public bool IsReachable
    {
        get
        {
            lock (_lock)
            {
                return _reachable;
            }
        }
    }

    public string? LastError
    {
        get
        {
            lock (_lock)
            {
                return _lastError;
            }
        }
    }

    /// <summary>When the current state began (null until the first failure).</summary>
    public DateTimeOffset? Since
    {
        get
        {
            lock (_lock)
            {
                return _since;
            }
        }
    }

    /// <summary>How long InfluxDB asked us to wait (Retry-After), or zero.</summary>
    public TimeSpan RetryAfterRemaining
    {
        get
        {
            lock (_lock)
            {
                var left = _retryNotBefore - _time.GetUtcNow();
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }
    }

    public void ReportSuccess(string target)
    {
        lock (_lock)
        {
            _retryNotBefore = DateTimeOffset.MinValue;
            if (_reachable)
            {
                return;
            }

            _reachable = true;
            _lastError = null;
            _since = _time.GetUtcNow();
        }

        CollectorLog.StorageReachable(_logger, target);
    }

    public void ReportFailure(string target, string reason, TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            _lastError = reason;
            if (retryAfter is { } wait && wait > TimeSpan.Zero)
            {
                _retryNotBefore = _time.GetUtcNow() + wait;
            }

            if (!_reachable)
            {
                return;
            }

            _reachable = false;
            _since = _time.GetUtcNow();
        }

        CollectorLog.StorageUnreachable(_logger, target, reason);
    }
}
