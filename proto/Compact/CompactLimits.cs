namespace SonLa.Monitor.Protocol.Compact;

/// <summary>
/// Bounds on what a compact section may expand to, proportional to its size, so a few hostile bytes
/// cannot claim millions of points. The encoder keeps points plain rather than exceed them.
/// </summary>
public static class CompactLimits
{
    /// <summary>Points per encoded byte, plus <see cref="PointAllowance"/>.</summary>
    public const int PointsPerByte = 8;

    public const int PointAllowance = 64;

    /// <summary>Field values and tag copies (each point counts its series' tags) per encoded byte, plus <see cref="ValueAllowance"/>.</summary>
    public const int ValuesPerByte = 64;

    public const int ValueAllowance = 1024;

    public static long MaxPoints(int encodedLength) => ((long)encodedLength * PointsPerByte) + PointAllowance;

    public static long MaxValues(int encodedLength) => ((long)encodedLength * ValuesPerByte) + ValueAllowance;
}
