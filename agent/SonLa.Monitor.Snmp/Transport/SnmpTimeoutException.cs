using System.Globalization;
using System.Net;

namespace SonLa.Monitor.Snmp.Transport;

/// <summary>No answer after every attempt: distinct from the caller's own cancellation.</summary>
public sealed class SnmpTimeoutException : SnmpException
{
    public SnmpTimeoutException()
    {
    }

    public SnmpTimeoutException(string message)
        : base(message)
    {
    }

    public SnmpTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpTimeoutException(IPEndPoint endPoint, TimeSpan timeout, int retries, TimeSpan elapsed, int requestId)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Timeout: no response from {endPoint} (request-id {requestId}, {retries + 1} attempt(s) of {timeout.TotalSeconds:0.###} s, {elapsed.TotalSeconds:0.###} s elapsed)."))
    {
        EndPoint = endPoint;
        Timeout = timeout;
        Retries = retries;
        Elapsed = elapsed;
        RequestId = requestId;
    }

    public IPEndPoint? EndPoint { get; }

    /// <summary>The wait of each attempt.</summary>
    public TimeSpan Timeout { get; }

    public int Retries { get; }

    public TimeSpan Elapsed { get; }

    public int RequestId { get; }
}
