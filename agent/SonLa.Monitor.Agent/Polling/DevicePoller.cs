using System.Net.Sockets;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Snmp;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// One poll of one device: a GET of the system group, then ifTable and ifXTable (and the UPS-MIB for a UPS) read
/// concurrently. Each part fails on its own: no ifXTable means 32-bit counters only, a timeout half-way keeps the rows
/// already read.
/// The whole poll is bounded by the device's poll budget.
/// </summary>
public sealed class DevicePoller
{
    private static readonly ObjectIdentifier[] SystemOids = [MibOids.SysDescr, MibOids.SysObjectId, MibOids.SysUpTime, MibOids.SysName, MibOids.IfNumber, MibOids.HrSystemUptime];

    private readonly DeviceOptions _device;
    private readonly SnmpClient _client;
    private readonly TimeProvider _time;
    private readonly EngineIdWatch? _engineIds;
    private readonly UsmSecurity? _security;
    private readonly long _origin;

    /// <param name="engineIds">Told which endpoint is which device, so cloned SNMPv3 engine ids are reported by name.</param>
    public DevicePoller(DeviceOptions device, SnmpClient client, TimeProvider time, EngineIdWatch? engineIds = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _client = client;
        _time = time;
        _engineIds = engineIds;
        // Built once: the user's keys are localized (and cached) per engine id by the engine.
        _security = device.IsV3 ? UsmSecurityFactory.Create(device) : null;
        _origin = time.GetTimestamp();
    }

    public DeviceOptions Device => _device;

    public async Task<DevicePollResult> PollAsync(CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(_device.PollTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var token = linked.Token;
        var time = _time.GetUtcNow();
        var start = _time.GetTimestamp();

        SnmpTarget target;
        IReadOnlyList<VarBind> system;
        try
        {
            target = await ResolveAsync(token);
            system = await GetScalarsAsync(target, token);
        }
        catch (Exception ex) when (IsDeviceFailure(ex, cancellationToken))
        {
            return new DevicePollResult
            {
                Reachable = false,
                Time = time,
                Monotonic = _time.GetElapsedTime(_origin),
                Error = Describe(ex, budget.IsCancellationRequested),
                FailureKind = Kind(ex, budget.IsCancellationRequested),
            };
        }

        var responseMs = _time.GetElapsedTime(start).TotalMilliseconds;
        var monotonic = _time.GetElapsedTime(_origin);
        var values = system.Where(v => !v.Value.IsException).ToDictionary(v => v.Oid, v => v.Value);

        int? ifNumber = values.TryGetValue(MibOids.IfNumber, out var count) && count.Type == SnmpType.Integer32 ? count.AsInt32() : null;
        var ifTable = new Dictionary<uint, Dictionary<uint, SnmpValue>>();
        var ifXTable = new Dictionary<uint, Dictionary<uint, SnmpValue>>();
        var errors = new List<string>();
        var ups = UpsMibReader.IsUps(_device)
            ? UpsMibReader.ReadAsync(_client, target, ex => IsDeviceFailure(ex, cancellationToken) ? Describe(ex, budget.IsCancellationRequested) : null, token)
            : null;
        await Task.WhenAll(
            ReadTableAsync("ifTable", MibOids.IfEntry, MibOids.IfTableColumns, ifTable),
            ReadTableAsync("ifXTable", MibOids.IfXEntry, MibOids.IfXTableColumns, ifXTable),
            ups ?? Task.CompletedTask);
        cancellationToken.ThrowIfCancellationRequested();
        var upsReading = ups is null ? null : await ups;
        if (upsReading?.Error is { } upsError)
        {
            errors.Add(upsError);
        }

        return new DevicePollResult
        {
            Reachable = true,
            Time = time,
            Monotonic = monotonic,
            ResponseMilliseconds = responseMs,
            SysUpTime = values.TryGetValue(MibOids.SysUpTime, out var uptime) && uptime.Type == SnmpType.TimeTicks ? uptime.AsUInt32() : null,
            HostUptime = values.TryGetValue(MibOids.HrSystemUptime, out var hostUptime) && hostUptime.Type == SnmpType.TimeTicks ? hostUptime.AsUInt32() : null,
            SysName = Text(values, MibOids.SysName),
            SysDescr = Text(values, MibOids.SysDescr),
            SysObjectId = values.TryGetValue(MibOids.SysObjectId, out var objectId) && objectId.Type == SnmpType.ObjectIdentifier
                ? objectId.AsObjectIdentifier().ToString()
                : null,
            Interfaces = InterfaceRowBuilder.Build(ifTable, ifXTable),
            Ups = upsReading,
            Error = errors.Count == 0 ? null : string.Join("; ", errors),
            // hrSystemUptime and ifNumber are optional extras; only the SNMPv2-MIB scalars make a poll partial.
            Partial = errors.Count > 0 || !values.ContainsKey(MibOids.SysUpTime),
        };

        async Task ReadTableAsync(string name, ObjectIdentifier entry, IReadOnlyList<uint> columns, Dictionary<uint, Dictionary<uint, SnmpValue>> into)
        {
            try
            {
                await ColumnarTableReader.ReadAsync(_client, target, entry, columns, into, ifNumber, token);
            }
            catch (Exception ex) when (IsDeviceFailure(ex, cancellationToken))
            {
                lock (errors)
                {
                    errors.Add($"{name}: {Describe(ex, budget.IsCancellationRequested)}");
                }
            }
        }
    }

    private async Task<SnmpTarget> ResolveAsync(CancellationToken cancellationToken)
    {
        var endPoint = await SnmpTarget.ParseEndPointAsync(_device.Endpoint.ToString(), DeviceOptions.DefaultPort, cancellationToken);
        _engineIds?.Register(endPoint, _device.Name);
        return new SnmpTarget(endPoint)
        {
            Version = _device.Version switch { "1" => SnmpVersion.V1, "3" => SnmpVersion.V3, _ => SnmpVersion.V2c },
            Community = _device.IsV3 ? "" : _device.Community.Reveal(),
            Security = _security,
            Timeout = TimeSpan.FromSeconds(_device.TimeoutSeconds),
            Retries = _device.Retries,
            MaxRepetitions = _device.MaxRepetitions,
        };
    }

    /// <summary>GET of the system scalars; in SNMPv1 a missing one fails the request, so it is dropped and asked again.</summary>
    private async Task<IReadOnlyList<VarBind>> GetScalarsAsync(SnmpTarget target, CancellationToken cancellationToken)
    {
        var oids = SystemOids.ToList();
        while (true)
        {
            try
            {
                return await _client.GetAsync(target, oids, cancellationToken);
            }
            catch (SnmpErrorException ex) when (ex.ErrorStatus == ErrorStatus.NoSuchName && ex.ErrorIndex >= 1 && ex.ErrorIndex <= oids.Count && oids.Count > 1)
            {
                oids.RemoveAt(ex.ErrorIndex - 1);
            }
        }
    }

    private static string? Text(Dictionary<ObjectIdentifier, SnmpValue> values, ObjectIdentifier oid) =>
        values.TryGetValue(oid, out var value) && value.Type == SnmpType.OctetString ? DisplayText.Decode(value.AsBytes().Span) : null;

    /// <summary>A stable name for the kind of failure: the loop logs when it changes, not every poll.</summary>
    private static string Kind(Exception ex, bool budgetExpired) => ex switch
    {
        OperationCanceledException when budgetExpired => "budget",
        SnmpReportException report => "usm:" + report.Error,
        SnmpTimeoutException => "timeout",
        SnmpErrorException error => "error-status:" + error.ErrorStatus,
        _ => ex.GetType().Name,
    };

    private static bool IsDeviceFailure(Exception ex, CancellationToken shutdown) =>
        ex is SnmpException or SocketException or FormatException
        || (ex is OperationCanceledException && !shutdown.IsCancellationRequested);

    private string Describe(Exception ex, bool budgetExpired) => ex switch
    {
        OperationCanceledException when budgetExpired => $"poll budget of {_device.PollTimeout.TotalSeconds:0.#} s exceeded",
        SnmpReportException report => UsmFailureText.Describe(report.Error, _device),
        SnmpTimeoutException => $"no answer from {_device.Endpoint} (timeout {_device.TimeoutSeconds:0.##} s, {_device.Retries} retries)",
        SnmpErrorException error => $"error-status {error.ErrorStatus} from {_device.Endpoint}",
        _ => ex.Message,
    };
}
