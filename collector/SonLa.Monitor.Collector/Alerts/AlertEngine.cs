using System.Collections.Concurrent;
using System.Threading.Channels;
using SonLa.Monitor.Collector.Hosting;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>
/// The alert engine as a hosted service: observes stored batches and agent presence, queues them, and ONE loop
/// applies each to the <see cref="AlertEvaluator"/> at once (a linkDown trap reaches the dispatcher in
/// milliseconds), plus a periodic tick (<c>Alerts:EvaluationSeconds</c>) for hold-downs and site_offline.
/// Also the <see cref="IAlertBook"/> of the API: reads from the store, writes through the loop, and the
/// <see cref="IAlertSummary"/> of the dashboard: open alerts per site, refreshed by the loop after each input.
/// </summary>
public sealed class AlertEngine : BackgroundService, IBatchObserver, ISitePresenceObserver, IAlertBook, IAlertSummary
{
    /// <summary>Inputs waiting at most; beyond, inputs are dropped and counted (a stuck engine never grows memory without bound).</summary>
    public const int QueueCapacity = 100_000;

    private readonly Channel<AlertInput> _inputs = Channel.CreateBounded<AlertInput>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Lazy<AlertEvaluator> _evaluator;
    private readonly AlertStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly ILogger<AlertEngine> _logger;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ConcurrentDictionary<string, AlertEvaluator.AlertSignature> _summaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertEvaluator.AlertSignature> _scan = new(StringComparer.Ordinal);
    private long _dropped;

    /// <param name="lifetime">When given, the engine starts once the collector has started (a failed start sends nothing).</param>
    public AlertEngine(Func<AlertEvaluator> evaluator, AlertStore store, TimeProvider time, TimeSpan evaluationPeriod, ILogger<AlertEngine> logger,
        IHostApplicationLifetime? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        _evaluator = new Lazy<AlertEvaluator>(evaluator);
        _store = store;
        _time = time;
        _period = evaluationPeriod;
        _logger = logger;
        _lifetime = lifetime;
    }

    /// <summary>The evaluator (created on first use: loading active alerts from the state database).</summary>
    public AlertEvaluator Evaluator => _evaluator.Value;

    public long DroppedInputs => Interlocked.Read(ref _dropped);

    public event Action<string>? Changed;

    public SiteAlertCounts For(string siteId) =>
        siteId is not null && _summaries.TryGetValue(siteId, out var summary) ? summary.Counts : SiteAlertCounts.None;

    public void OnBatchStored(IngestedBatch batch) => Post(new AlertInput.Batch(batch));

    public void OnConnected(string siteId, Hello hello, DateTimeOffset at) => Post(new AlertInput.Connected(siteId, hello, at));

    public void OnActivity(string siteId, DateTimeOffset at) => Post(new AlertInput.Activity(siteId, at));

    public void OnDisconnected(string siteId, DateTimeOffset at) => Post(new AlertInput.Disconnected(siteId, at));

    /// <summary>Completes once everything queued before it has been applied (tests).</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => RunAsync(_ => { }, cancellationToken);

    public Task<IReadOnlyList<AlertRecord>> ListAsync(AlertQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(_store.List(query));

    public Task<AlertRecord?> FindAsync(long id, CancellationToken cancellationToken) => Task.FromResult(_store.Find(id));

    public async Task<AcknowledgeResult> AcknowledgeAsync(long id, string user, string? comment, CancellationToken cancellationToken)
    {
        AcknowledgeResult? result = null;
        await RunAsync(e => result = e.Acknowledge(id, user, comment), cancellationToken);
        return result!;
    }

    public Task<IReadOnlyList<MaintenanceWindow>> ListMaintenanceAsync(bool includeEnded, CancellationToken cancellationToken) =>
        Task.FromResult(_store.ListMaintenance(includeEnded ? null : _time.GetUtcNow()));

    public async Task<MaintenanceResult> AddMaintenanceAsync(MaintenanceRequest request, CancellationToken cancellationToken)
    {
        MaintenanceResult? result = null;
        await RunAsync(e => result = e.AddMaintenance(request), cancellationToken);
        return result!;
    }

    public async Task<bool> RemoveMaintenanceAsync(long id, CancellationToken cancellationToken)
    {
        var removed = false;
        await RunAsync(e => removed = e.RemoveMaintenance(id), cancellationToken);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield first: loading the state database must not hold up the host's start. Inputs wait in the queue meanwhile.
        await Task.Yield();
        if (_lifetime is not null && !await _lifetime.WaitUntilStartedAsync(stoppingToken))
        {
            return;
        }

        _ = Evaluator;
        SummarizeAll();
        using var timer = _time.CreateTimer(_ => Post(new AlertInput.Tick()), null, _period, _period);
        try
        {
            await foreach (var input in _inputs.Reader.ReadAllAsync(stoppingToken))
            {
                Apply(input);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Apply(AlertInput input)
    {
        try
        {
            switch (input)
            {
                case AlertInput.Batch b:
                    Evaluator.Apply(b.Value);
                    break;
                case AlertInput.Connected c:
                    Evaluator.Connected(c.SiteId, c.Hello, c.At);
                    break;
                case AlertInput.Activity a:
                    Evaluator.Activity(a.SiteId, a.At);
                    break;
                case AlertInput.Disconnected d:
                    Evaluator.Disconnected(d.SiteId, d.At);
                    break;
                case AlertInput.Tick:
                    Evaluator.Tick();
                    break;
                case AlertInput.Command command:
                    try
                    {
                        command.Run(Evaluator);
                        // The summary first: whoever awaited the command (an acknowledgement) then sees its effect there too.
                        Summarize(input);
                        command.Done.TrySetResult();
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        command.Done.TrySetException(ex);
                    }

                    return;
                default:
                    break;
            }

            Summarize(input);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One bad input (or a locked database) must not stop alerting for every site.
            AlertLog.InputFailed(_logger, input.GetType().Name, ex.GetType().Name, ex.Message);
        }
    }

    /// <summary>Refreshes the open-alert summary of what the input can have changed: its site, or every site.</summary>
    private void Summarize(AlertInput input)
    {
        var siteId = input switch
        {
            AlertInput.Batch b => b.Value.SiteId,
            AlertInput.Connected c => c.SiteId,
            AlertInput.Activity a => a.SiteId,
            AlertInput.Disconnected d => d.SiteId,
            _ => null,
        };
        if (siteId is null)
        {
            SummarizeAll();
        }
        else
        {
            Publish(siteId, Evaluator.Signature(siteId));
        }
    }

    private void SummarizeAll()
    {
        Evaluator.Signatures(_scan);
        foreach (var siteId in _summaries.Keys)
        {
            if (!_scan.ContainsKey(siteId))
            {
                Publish(siteId, default);
            }
        }

        foreach (var (siteId, signature) in _scan)
        {
            Publish(siteId, signature);
        }
    }

    private void Publish(string siteId, AlertEvaluator.AlertSignature signature)
    {
        var known = _summaries.TryGetValue(siteId, out var previous);
        if (signature == default)
        {
            if (!known || !_summaries.TryRemove(siteId, out _))
            {
                return;
            }
        }
        else if (known && previous == signature)
        {
            return;
        }
        else
        {
            _summaries[siteId] = signature;
        }

        Changed?.Invoke(siteId);
    }

    private async Task RunAsync(Action<AlertEvaluator> run, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _inputs.Writer.WriteAsync(new AlertInput.Command(run, done), cancellationToken);
        await done.Task.WaitAsync(cancellationToken);
    }

    private void Post(AlertInput input)
    {
        if (!_inputs.Writer.TryWrite(input))
        {
            var dropped = Interlocked.Increment(ref _dropped);
            if (dropped == 1 || dropped % 1000 == 0)
            {
                AlertLog.InputDropped(_logger, dropped);
            }
        }
    }
}
