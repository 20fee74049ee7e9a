namespace SonLa.Monitor.Agent.Polling;

/// <summary>Counter32 (ifInOctets) or Counter64 (ifHCInOctets).</summary>
public enum CounterWidth
{
    Bits32 = 32,
    Bits64 = 64,
}
