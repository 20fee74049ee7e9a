using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Walking;

/// <summary>
/// A GETBULK that adapts to the device, shared by <see cref="SnmpWalker"/> (CLI <c>walk</c>) and the agent's table
/// reads: max-repetitions starts at what <see cref="SnmpClient.BulkSizes"/> remembers for the endpoint; a tooBig
/// answer retries the same request with half the size (down to 1); a timeout of a large request on a device that
/// has already answered in this walk retries once with a quarter (a device that drops big answers). Every
/// reduction is remembered for the endpoint.
/// </summary>
public static class AdaptiveBulk
{
    /// <summary>Sends the GETBULK and returns the Response PDU (any error-status other than an adapted tooBig included).</summary>
    /// <param name="answeredBefore">The device answered earlier in this walk: a timeout then means "too big", not "dead".</param>
    public static async Task<Pdu> GetBulkAsync(SnmpClient client, SnmpTarget target, int nonRepeaters, int maxRepetitions,
        IReadOnlyList<ObjectIdentifier> oids, bool answeredBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        var endPoint = target.EndPoint;
        var size = client.BulkSizes.Choose(endPoint, maxRepetitions);
        var retriedTimeout = false;
        while (true)
        {
            Pdu response;
            try
            {
                response = await client.SendAsync(target, Pdu.GetBulkRequest(nonRepeaters, size, oids), cancellationToken);
            }
            catch (SnmpTimeoutException) when (answeredBefore && !retriedTimeout && size > 1)
            {
                retriedTimeout = true;
                size = client.BulkSizes.Reduce(endPoint, size, divisor: 4)!.Value;
                continue;
            }

            if (response.ErrorStatus == ErrorStatus.TooBig && client.BulkSizes.Reduce(endPoint, size) is { } smaller)
            {
                size = smaller;
                continue;
            }

            return response;
        }
    }
}
