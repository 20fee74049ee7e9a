using System.Net;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Transport;

namespace SonLa.Monitor.Snmp.Tests.Transport;

public sealed class SnmpTargetTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:161")]
    [InlineData("127.0.0.1:1161", "127.0.0.1:1161")]
    [InlineData("udp:127.0.0.1:1161", "127.0.0.1:1161")]
    [InlineData("UDP:127.0.0.1", "127.0.0.1:161")]
    [InlineData("[::1]:1161", "[::1]:1161")]
    [InlineData("[::1]", "[::1]:161")]
    [InlineData("::1", "[::1]:161")]
    [InlineData("udp6:[::1]:1161", "[::1]:1161")]
    [InlineData("fe80::1", "[fe80::1]:161")]
    [InlineData("2001:db8::7", "[2001:db8::7]:161")]
    [InlineData("localhost:1161", "127.0.0.1:1161")]
    public void ParseEndPoint_NetSnmpForms(string text, string expected) =>
        Assert.Equal(expected, SnmpTarget.ParseEndPoint(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:abc")]
    [InlineData("[::1")]
    [InlineData("[::1]x")]
    [InlineData("tcp:127.0.0.1:161")]
    [InlineData("[not-ipv6]:161")]
    public void ParseEndPoint_Invalid_FormatException(string text) =>
        Assert.Throws<FormatException>(() => SnmpTarget.ParseEndPoint(text));

    [Fact]
    public async Task ParseEndPointAsync_Literal()
    {
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, 1161), await SnmpTarget.ParseEndPointAsync("[::1]:1161"));
    }

    [Fact]
    public void Defaults_AreNetSnmps()
    {
        var target = new SnmpTarget(new IPEndPoint(IPAddress.Loopback, 161));
        Assert.Equal((SnmpVersion.V2c, "public", TimeSpan.FromSeconds(1), 5, 10),
            (target.Version, target.Community, target.Timeout, target.Retries, target.MaxRepetitions));
    }
}
