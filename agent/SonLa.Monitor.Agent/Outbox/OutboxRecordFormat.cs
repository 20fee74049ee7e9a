using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Google.Protobuf;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Outbox;

/// <summary>
/// One record of a segment file, little-endian:
/// <code>
/// header  u32 magic "SBOX" | i32 body length | u32 CRC-32 (IEEE) of the body
/// body    u8 lane | u8 boot id length | u16 zero | i32 point count | i64 queued-at unix ms | u64 sequence
///         | boot id (UTF-8) | SampleBatch protobuf
/// </code>
/// Everything a restart needs for the index is in the body's head, so loading never parses protobuf; the CRC covers
/// the whole body, so a torn or flipped record is never mistaken for data.
/// </summary>
internal static class OutboxRecordFormat
{
    public const uint Magic = 0x584F4253;
    public const int HeaderBytes = 12;
    public const int FixedBodyBytes = 24;
    public const int MaxBootIdBytes = 255;

    /// <summary>The largest batch the uplink may send (the channel's send limit): a bigger length is garbage, never an allocation.</summary>
    public const int MaxPayloadBytes = 64 * 1024 * 1024;

    public const int MaxBodyBytes = FixedBodyBytes + MaxBootIdBytes + MaxPayloadBytes;

    public static byte[] Encode(SampleBatch batch, OutboxLane lane, long queuedAtUnixMs)
    {
        var bootId = Encoding.UTF8.GetBytes(batch.BootId);
        if (bootId.Length is 0 or > MaxBootIdBytes)
        {
            throw new ArgumentException($"a batch's boot id must be 1 to {MaxBootIdBytes} bytes", nameof(batch));
        }

        var payloadLength = batch.CalculateSize();
        if (payloadLength > MaxPayloadBytes)
        {
            throw new ArgumentException($"a batch of {payloadLength} bytes is above the {MaxPayloadBytes}-byte limit", nameof(batch));
        }

        var bodyLength = FixedBodyBytes + bootId.Length + payloadLength;
        var record = new byte[HeaderBytes + bodyLength];
        var body = record.AsSpan(HeaderBytes);
        body[0] = (byte)lane;
        body[1] = (byte)bootId.Length;
        BinaryPrimitives.WriteInt32LittleEndian(body[4..], batch.Points.Count);
        BinaryPrimitives.WriteInt64LittleEndian(body[8..], queuedAtUnixMs);
        BinaryPrimitives.WriteUInt64LittleEndian(body[16..], batch.Sequence);
        bootId.CopyTo(body[FixedBodyBytes..]);
        batch.WriteTo(body[(FixedBodyBytes + bootId.Length)..]);
        BinaryPrimitives.WriteUInt32LittleEndian(record, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(4), bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), Crc32.HashToUInt32(body));
        return record;
    }

    /// <summary>False for a header that cannot start a record here: wrong magic, or a length that is impossible or runs past the file.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, long bytesAfterHeader, out int bodyLength, out uint crc)
    {
        bodyLength = 0;
        crc = 0;
        if (header.Length < HeaderBytes || BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic)
        {
            return false;
        }

        bodyLength = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        crc = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        return bodyLength >= FixedBodyBytes + 1 && bodyLength <= MaxBodyBytes && bodyLength <= bytesAfterHeader;
    }

    /// <summary>Checks the CRC and the head's own consistency; false means the record is damaged.</summary>
    public static bool TryReadBody(ReadOnlySpan<byte> body, uint crc, out OutboxRecordHead head)
    {
        head = default;
        if (body.Length < FixedBodyBytes + 1 || Crc32.HashToUInt32(body) != crc)
        {
            return false;
        }

        var lane = body[0];
        var bootIdLength = body[1];
        var pointCount = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
        if (lane > (byte)OutboxLane.Samples || bootIdLength == 0 || FixedBodyBytes + bootIdLength > body.Length || pointCount < 0)
        {
            return false;
        }

        string bootId;
        try
        {
            bootId = new UTF8Encoding(false, true).GetString(body.Slice(FixedBodyBytes, bootIdLength));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        head = new OutboxRecordHead(
            (OutboxLane)lane,
            bootId,
            BinaryPrimitives.ReadUInt64LittleEndian(body[16..]),
            BinaryPrimitives.ReadInt64LittleEndian(body[8..]),
            pointCount,
            FixedBodyBytes + bootIdLength);
        return true;
    }

    /// <summary>The batch of a whole record read back from disk, or null when the bytes do not check out.</summary>
    public static SampleBatch? Decode(ReadOnlySpan<byte> record)
    {
        if (!TryReadHeader(record, record.Length - HeaderBytes, out var bodyLength, out var crc))
        {
            return null;
        }

        var body = record.Slice(HeaderBytes, bodyLength);
        if (!TryReadBody(body, crc, out var head))
        {
            return null;
        }

        try
        {
            return SampleBatch.Parser.ParseFrom(body[head.PayloadOffset..]);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
