namespace SonLa.Monitor.Snmp.Transport;

public sealed partial class SnmpClient
{
    /// <summary>max-repetitions each endpoint is known to handle, learnt by walks and table reads over this client.</summary>
    public BulkSizeAdvisor BulkSizes { get; } = new();
}
