namespace SonLa.Monitor.Snmp.Tests;

/// <summary>Tests that share the one <see cref="SnmpdFixture"/> snmpd.</summary>
[CollectionDefinition(Name)]
public sealed class SnmpdCollection : ICollectionFixture<SnmpdFixture>
{
    public const string Name = "snmpd";
}
