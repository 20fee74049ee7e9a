namespace SonLa.Monitor.Snmp.Tests;

internal static class Hex
{
    /// <summary>"02 01 FF" → bytes.</summary>
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
