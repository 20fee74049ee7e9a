namespace SonLa.Monitor.Snmp.Fuzz;

/// <summary>Reads a fuzz input as the socket would deliver it: at most one UDP payload.</summary>
internal static class Datagram
{
    public static byte[] Read(Stream stream)
    {
        using (stream)
        {
            var buffer = new byte[HostileDatagram.MaxDatagramLength];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            return buffer.AsSpan(0, length).ToArray();
        }
    }
}
