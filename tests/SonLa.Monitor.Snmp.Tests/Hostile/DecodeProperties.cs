using CsCheck;

namespace SonLa.Monitor.Snmp.Tests.Hostile;

/// <summary>
/// CsCheck properties shared by every decoder: whatever the bytes, the only exception allowed out is
/// <see cref="SnmpDecodeException"/>.
/// </summary>
internal static class DecodeProperties
{
    /// <summary>Up to four bytes of one of <paramref name="samples"/> overwritten, whole and cut at a random length.</summary>
    public static void MutationsThrowOnlyDecodeException(byte[][] samples, params Action<byte[]>[] decoders)
    {
        var longest = samples.Max(s => s.Length);
        Gen.Select(Gen.Int[0, samples.Length - 1], Gen.Int[0, longest - 1].Array[1, 4], Gen.Byte.Array[4], Gen.Int[0, longest])
            .Sample((sample, positions, bytes, cut) =>
            {
                var mutated = samples[sample].ToArray();
                for (var i = 0; i < positions.Length; i++)
                {
                    mutated[positions[i] % mutated.Length] = bytes[i];
                }

                foreach (var candidate in new[] { mutated, mutated[..Math.Min(cut, mutated.Length)] })
                {
                    foreach (var decode in decoders)
                    {
                        DecodeOrReject(decode, candidate);
                    }
                }
            }, iter: 20000);
    }

    public static void RandomBytesThrowOnlyDecodeException(Action<byte[]> decode) =>
        Gen.Byte.Array[0, 200].Sample(bytes => DecodeOrReject(decode, bytes), iter: 20000);

    private static void DecodeOrReject(Action<byte[]> decode, byte[] input)
    {
        try
        {
            decode(input);
        }
        catch (SnmpDecodeException)
        {
            // The one allowed answer to bad bytes.
        }
    }
}
