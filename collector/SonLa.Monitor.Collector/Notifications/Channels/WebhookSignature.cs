using System.Security.Cryptography;
using System.Text;

namespace SonLa.Monitor.Collector.Notifications.Channels;

/// <summary>
/// The <c>X-SonLa-Signature</c> header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact request
/// body bytes, keyed with the channel's Secret (UTF-8). Receivers recompute it over the raw body and compare in
/// constant time.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-SonLa-Signature";
    public const string TimestampHeaderName = "X-SonLa-Timestamp";
    public const string Prefix = "sha256=";

    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, body));
        var actual = Encoding.ASCII.GetBytes(header.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
