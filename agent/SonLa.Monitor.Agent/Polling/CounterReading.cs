namespace SonLa.Monitor.Agent.Polling;

/// <summary>One raw octet counter value as the device reported it.</summary>
public readonly record struct CounterReading(ulong Value, CounterWidth Width)
{
    public static CounterReading Counter32(uint value) => new(value, CounterWidth.Bits32);

    public static CounterReading Counter64(ulong value) => new(value, CounterWidth.Bits64);
}
