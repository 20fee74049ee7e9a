namespace SonLa.Monitor.Snmp.Transport;

/// <summary>A snapshot of an <see cref="SnmpClient"/>'s counters since it was created.</summary>
/// <param name="Requests">Requests sent (first attempts).</param>
/// <param name="Retries">Retransmissions.</param>
/// <param name="Timeouts">Requests that got no answer after every attempt.</param>
/// <param name="MalformedResponses">Datagrams that did not decode as SNMP.</param>
/// <param name="UnmatchedResponses">Well-formed datagrams matching no request in flight (unknown id, wrong sender, not a Response).</param>
public readonly record struct SnmpClientStatistics(
    long Requests,
    long Retries,
    long Timeouts,
    long MalformedResponses,
    long UnmatchedResponses);
