namespace SonLa.Monitor.Benchmarks;

/// <summary>What an emulated site does in the sites bench.</summary>
internal enum BenchSitePart
{
    Ok,
    NeverConnected,
    Disconnected,
    DeviceUnreachable,
    UplinkDown,
}
