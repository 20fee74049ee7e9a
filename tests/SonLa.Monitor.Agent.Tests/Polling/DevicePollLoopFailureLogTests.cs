using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Snmp.Security;

namespace SonLa.Monitor.Agent.Tests.Polling;

/// <summary>Failure logging: a line when a device starts failing or the cause changes, never one per poll.</summary>
public class DevicePollLoopFailureLogTests
{
    [Fact]
    public async Task CauseChanges_OneLineEach_RepeatsSilent_RecoveryOneLine()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var device = new DeviceOptions { Name = "fw", Index = 2, Version = "3", User = "mon", Level = "authPriv" };
        var script = new Queue<DevicePollResult>(
        [
            Fail("timeout", "no answer from 10.0.0.2:161"),
            Fail("timeout", "no answer from 10.0.0.2:161"),
            Fail("usm:WrongDigest", UsmFailureText.Describe(UsmError.WrongDigest, device)),
            Fail("usm:WrongDigest", UsmFailureText.Describe(UsmError.WrongDigest, device)),
            new DevicePollResult { Reachable = true, Time = time.GetUtcNow(), Monotonic = TimeSpan.Zero },
            Fail("usm:WrongDigest", UsmFailureText.Describe(UsmError.WrongDigest, device)),
        ]);
        var logger = new ListLogger();
        var loop = new DevicePollLoop(device, _ => Task.FromResult(script.Dequeue()), new DeviceMonitor("s", "fw"), new RecordingSink(), time, logger);
        while (script.Count > 0)
        {
            await loop.PollOnceAsync(CancellationToken.None);
        }

        Assert.Equal(
        [
            "Device fw is unreachable: no answer from 10.0.0.2:161",
            "Device fw: SNMPv3 authentication failed (wrong digest): check Devices:2:AuthPassphrase / AuthProtocol",
            "Device fw is reachable again",
            "Device fw: SNMPv3 authentication failed (wrong digest): check Devices:2:AuthPassphrase / AuthProtocol",
        ], logger.Lines.Select(l => l.Text));

        DevicePollResult Fail(string kind, string error) =>
            new() { Reachable = false, Time = time.GetUtcNow(), Monotonic = TimeSpan.Zero, Error = error, FailureKind = kind };
    }

    [Theory]
    [InlineData(UsmError.WrongDigest, "Devices:4:AuthPassphrase / AuthProtocol")]
    [InlineData(UsmError.DecryptionError, "Devices:4:PrivPassphrase / PrivProtocol")]
    [InlineData(UsmError.UnknownUserName, "Devices:4:User")]
    [InlineData(UsmError.UnsupportedSecurityLevel, "Devices:4:Level")]
    [InlineData(UsmError.UnknownContext, "Devices:4:Context")]
    public void UsmErrors_NameTheKeysToCheck_NeverThePassphrase(UsmError error, string keys)
    {
        var device = new DeviceOptions
        {
            Name = "fw", Index = 4, User = "mon", Level = "authPriv", Context = "ctx",
            AuthPassphrase = new Secret("auth-secret-1"), PrivPassphrase = new Secret("priv-secret-1"),
        };
        var text = UsmFailureText.Describe(error, device);
        Assert.Contains(keys, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }
}
