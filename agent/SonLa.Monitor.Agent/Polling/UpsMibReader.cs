using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Snmp;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// Reads a UPS's battery and output groups (RFC 1628): one GET of the scalars, then the upsOutputPercentLoad column.
/// The two parts fail on their own and a missing object only leaves its field out, so a UPS card implementing half
/// the MIB still gives the half it has.
/// </summary>
public static class UpsMibReader
{
    private static readonly ObjectIdentifier[] Scalars =
    [
        UpsMibOids.UpsBatteryStatus, UpsMibOids.UpsSecondsOnBattery, UpsMibOids.UpsEstimatedMinutesRemaining,
        UpsMibOids.UpsEstimatedChargeRemaining, UpsMibOids.UpsOutputSource, UpsMibOids.UpsOutputNumLines,
    ];

    /// <summary>The <c>Role</c> that makes a device polled as a UPS too.</summary>
    public const string Role = "ups";

    public static bool IsUps(DeviceOptions device) => string.Equals(device?.Role, Role, StringComparison.OrdinalIgnoreCase);

    /// <param name="describeFailure">The device failure's one-line text, or null for an exception that is not one (it then propagates).</param>
    public static async Task<UpsReading> ReadAsync(SnmpClient client, SnmpTarget target, Func<Exception, string?> describeFailure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(describeFailure);
        var errors = new List<string>();
        var values = new Dictionary<ObjectIdentifier, SnmpValue>();
        try
        {
            foreach (var varBind in await GetScalarsAsync(client, target, cancellationToken))
            {
                if (!varBind.Value.IsException)
                {
                    values[varBind.Oid] = varBind.Value;
                }
            }
        }
        catch (Exception ex) when (describeFailure(ex) is { } text)
        {
            errors.Add("UPS-MIB battery/output group: " + text);
        }

        var lines = Number(values, UpsMibOids.UpsOutputNumLines);
        int? load = null;
        if (errors.Count == 0 && lines is not 0)
        {
            var table = new Dictionary<uint, Dictionary<uint, SnmpValue>>();
            try
            {
                await ColumnarTableReader.ReadAsync(client, target, UpsMibOids.UpsOutputEntry, [UpsMibOids.UpsOutputPercentLoad], table, lines, cancellationToken);
            }
            catch (Exception ex) when (describeFailure(ex) is { } text)
            {
                errors.Add("upsOutputTable: " + text);
            }

            load = MaxLoad(table.GetValueOrDefault(UpsMibOids.UpsOutputPercentLoad));
        }

        return new UpsReading
        {
            BatteryStatus = InRange(Number(values, UpsMibOids.UpsBatteryStatus), 1, 4),
            SecondsOnBattery = InRange(Number(values, UpsMibOids.UpsSecondsOnBattery), 0, int.MaxValue),
            EstimatedMinutesRemaining = InRange(Number(values, UpsMibOids.UpsEstimatedMinutesRemaining), 0, int.MaxValue),
            EstimatedChargeRemaining = InRange(Number(values, UpsMibOids.UpsEstimatedChargeRemaining), 0, 100),
            OutputSource = InRange(Number(values, UpsMibOids.UpsOutputSource), 1, UpsMibOids.OutputSourceMax),
            OutputPercentLoad = load,
            Error = errors.Count == 0 ? null : string.Join("; ", errors),
        };
    }

    /// <summary>
    /// The most loaded output line: on a three-phase UPS that is the phase that trips on overload first and bounds the
    /// runtime, so it is the one worth an alert; a single-phase UPS has one line and the choice does not arise.
    /// </summary>
    public static int? MaxLoad(IReadOnlyDictionary<uint, SnmpValue>? column)
    {
        int? max = null;
        foreach (var value in column?.Values ?? [])
        {
            if (AsNumber(value) is { } load && load >= 0 && (max is null || load > max))
            {
                max = load;
            }
        }

        return max;
    }

    /// <summary>In SNMPv1 an object the UPS lacks fails the whole GET with noSuchName: drop it and ask again.</summary>
    private static async Task<IReadOnlyList<VarBind>> GetScalarsAsync(SnmpClient client, SnmpTarget target, CancellationToken cancellationToken)
    {
        var oids = Scalars.ToList();
        while (true)
        {
            try
            {
                return await client.GetAsync(target, oids, cancellationToken);
            }
            catch (SnmpErrorException ex) when (ex.ErrorStatus == ErrorStatus.NoSuchName && ex.ErrorIndex >= 1 && ex.ErrorIndex <= oids.Count)
            {
                oids.RemoveAt(ex.ErrorIndex - 1);
                if (oids.Count == 0)
                {
                    return [];
                }
            }
        }
    }

    private static int? Number(Dictionary<ObjectIdentifier, SnmpValue> values, ObjectIdentifier oid) =>
        values.TryGetValue(oid, out var value) ? AsNumber(value) : null;

    /// <summary>The MIB says INTEGER; some cards answer Gauge32. Anything else is not a reading.</summary>
    private static int? AsNumber(SnmpValue value) => value.Type switch
    {
        SnmpType.Integer32 => value.AsInt32(),
        SnmpType.Gauge32 or SnmpType.Counter32 when value.AsUInt32() <= int.MaxValue => (int)value.AsUInt32(),
        _ => null,
    };

    private static int? InRange(int? value, int min, int max) => value is { } v && v >= min && v <= max ? v : null;
}
