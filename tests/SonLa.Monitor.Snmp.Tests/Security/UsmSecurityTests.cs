using System.Net;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Transport;

namespace SonLa.Monitor.Snmp.Tests.Security;

public sealed class UsmSecurityTests
{
    [Fact]
    public void Create_FromNetSnmpNames()
    {
        var security = UsmSecurity.Create("ops", "authPriv", "SHA-256", "authpass1", "AES-256-C", "privpass1", "ctx");
        Assert.Equal((SecurityLevel.AuthPriv, AuthProtocol.Sha256, PrivProtocol.Aes256Cisco, "ctx"),
            (security.Level, security.User.AuthProtocol, security.User.PrivProtocol, security.ContextName));
    }

    [Fact]
    public void ToString_NeverShowsPassphrases()
    {
        var target = new SnmpTarget(new IPEndPoint(IPAddress.Loopback, 161))
        {
            Version = SnmpVersion.V3,
            Security = UsmSecurity.Create("ops", "authPriv", "SHA", "secret-auth-1", "AES", "secret-priv-1"),
        };
        var text = target.ToString();
        Assert.Contains("ops", text, StringComparison.Ordinal);
        Assert.Contains("SHA", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("authNoPriv", "SHA", "short", null, null)]
    [InlineData("authPriv", "SHA", "longenough", "AES", null)]
    [InlineData("authPriv", "SHA", "longenough", "AES", "short")]
    public void MissingOrShortPassphrase_IsRefusedWithoutShowingIt(string level, string auth, string? authPass, string? priv, string? privPass)
    {
        var e = Assert.Throws<ArgumentException>(() => UsmSecurity.Create("u", level, auth, authPass, priv, privPass));
        Assert.DoesNotContain("short", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("longenough", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus", "SHA", "AES")]
    [InlineData("authPriv", "SHA-3", "AES")]
    [InlineData("authPriv", "SHA", "3DES")]
    public void UnknownNames_AreFormatExceptions(string level, string auth, string priv) =>
        Assert.Throws<FormatException>(() => UsmSecurity.Create("u", level, auth, "authpass1", priv, "privpass1"));
}
