namespace SonLa.Monitor.Snmp.Tests.Hostile;

/// <summary>
/// Deterministic mutations of real datagrams, biased to what breaks BER decoders: length bytes
/// turned long-form or huge, tags swapped, bytes dropped or duplicated, bits flipped.
/// </summary>
internal static class Mutator
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0xFF, 0x02, 0x04, 0x06, 0x30, 0x40, 0x44, 0x46, 0xA2, 0xA4, 0xA7];

    public static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = 1 + random.Next(4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 4:
                    // A long-form length claiming far more than is present.
                    bytes[at] = 0x84;
                    bytes.InsertRange(Math.Min(at + 1, bytes.Count), [0x7F, 0xFF, 0xFF, (byte)random.Next(256)]);
                    break;
                case 5:
                    var length = 1 + random.Next(Math.Min(16, bytes.Count - at));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }
}
