using System.Net;
using System.Net.Sockets;
using SonLa.Monitor.Agent.Configuration;

namespace SonLa.Monitor.Agent.Traps;

/// <summary>
/// Which configured device a trap comes from, by the datagram's source address: each device's Host
/// (an address, or a name resolved once at start). Traps from any other address are dropped and counted,
/// whatever their credentials: the event must name a device of this site.
/// </summary>
public sealed class TrapSources
{
    private readonly Dictionary<IPAddress, string> _devices;

    public TrapSources(IReadOnlyDictionary<IPAddress, string> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        _devices = devices.ToDictionary(d => Normalize(d.Key), d => d.Value);
    }

    public int Count => _devices.Count;

    public static async Task<TrapSources> ResolveAsync(IEnumerable<DeviceOptions> devices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var map = new Dictionary<IPAddress, string>();
        foreach (var device in devices)
        {
            IPAddress[] addresses;
            if (device.Endpoint.Address is { } address)
            {
                addresses = [address];
            }
            else
            {
                try
                {
                    addresses = await Dns.GetHostAddressesAsync(device.Endpoint.Host, cancellationToken);
                }
                catch (SocketException)
                {
                    addresses = [];
                }
            }

            foreach (var a in addresses)
            {
                // The first device listed wins when two share an address (one box, two SNMP ports).
                map.TryAdd(Normalize(a), device.Name);
            }
        }

        return new TrapSources(map);
    }

    public bool TryGetDevice(IPAddress source, out string device)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _devices.TryGetValue(Normalize(source), out device!);
    }

    public bool Contains(IPAddress source) => _devices.ContainsKey(Normalize(source));

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
