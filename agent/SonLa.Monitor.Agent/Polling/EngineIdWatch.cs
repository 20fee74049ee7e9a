using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Snmp.Transport;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// Turns the engine's <see cref="SnmpClient.DuplicateEngineId"/> into one warning naming both configured devices
/// (cloned SNMPv3 configurations break polling confusingly: keys and engine time are per engine id). One agent
/// reached over two addresses of one device is not reported; each pair is reported once.
/// </summary>
public sealed class EngineIdWatch
{
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<IPEndPoint, string> _devices = new();
    private readonly ConcurrentDictionary<string, bool> _reported = new(StringComparer.Ordinal);
    private long _duplicates;

    public EngineIdWatch(SnmpClient client, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        _logger = logger;
        client.DuplicateEngineId += OnDuplicate;
    }

    /// <summary>Pairs of devices reported so far.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    public void Register(IPEndPoint endPoint, string deviceName)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        _devices[Normalize(endPoint)] = deviceName;
    }

    private void OnDuplicate(object? sender, DuplicateEngineIdEventArgs e)
    {
        var first = _devices.TryGetValue(Normalize(e.FirstEndPoint), out var a) ? a : e.FirstEndPoint.ToString();
        var second = _devices.TryGetValue(Normalize(e.SecondEndPoint), out var b) ? b : e.SecondEndPoint.ToString();
        if (string.Equals(first, second, StringComparison.Ordinal))
        {
            return;
        }

        var pair = string.CompareOrdinal(first, second) < 0 ? $"{e.EngineIdHex}|{first}|{second}" : $"{e.EngineIdHex}|{second}|{first}";
        if (_reported.TryAdd(pair, true))
        {
            Interlocked.Increment(ref _duplicates);
            AgentLog.DuplicateEngineId(_logger, first, e.FirstEndPoint.ToString(), second, e.SecondEndPoint.ToString(), e.EngineIdHex);
        }
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;
}
