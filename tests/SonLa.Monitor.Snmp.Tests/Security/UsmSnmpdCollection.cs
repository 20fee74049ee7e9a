namespace SonLa.Monitor.Snmp.Tests.Security;

/// <summary>Tests that share the one <see cref="UsmSnmpdFixture"/> snmpd.</summary>
[CollectionDefinition(Name)]
public sealed class UsmSnmpdCollection : ICollectionFixture<UsmSnmpdFixture>
{
    public const string Name = "usm-snmpd";
}
