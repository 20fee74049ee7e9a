using System.Net.Sockets;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Snmp;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Transport;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// <c>device:NAME</c>: one GET of sysUpTime.0. A v1/v2c timeout cannot be told from a wrong community (the agent drops
/// such requests silently) and says so; SNMPv3 reports name the wrong user, authentication or privacy passphrase.
/// </summary>
public static class DeviceCheck
{
    public static string IdOf(DeviceOptions device) => "device:" + device?.Name;

    public static async Task<CheckOutcome> RunAsync(SelfCheckContext context, DeviceOptions device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(device);
        var key = DeviceKey.Of(device);
        var host = device.Endpoint.ToString();
        var start = context.Time.GetTimestamp();
        try
        {
            var target = await TargetAsync(context, device, cancellationToken);
            await context.Snmp.GetAsync(target, [MibOids.SysUpTime], cancellationToken);
            return CheckOutcome.Ok(SelfCheckTexts.DeviceOk.Format(device.Name, host, context.Time.GetElapsedTime(start).TotalMilliseconds));
        }
        catch (SnmpReportException report)
        {
            var (message, hint) = report.Error switch
            {
                UsmError.UnknownUserName => (SelfCheckTexts.DeviceUnknownUser, SelfCheckTexts.DeviceUnknownUserHint),
                UsmError.WrongDigest => (SelfCheckTexts.DeviceWrongAuth, SelfCheckTexts.DeviceWrongAuthHint),
                UsmError.DecryptionError => (SelfCheckTexts.DeviceWrongPriv, SelfCheckTexts.DeviceWrongPrivHint),
                _ => (SelfCheckTexts.DeviceUsmOther, SelfCheckTexts.DeviceUsmOtherHint),
            };
            var detail = report.Error is UsmError.UnknownUserName ? device.User : report.Error.ToString();
            return CheckOutcome.Fail(message.Format(device.Name, detail, key), hint.Format(device.Name, host, key));
        }
        catch (SnmpTimeoutException)
        {
            return device.IsV3
                ? CheckOutcome.Fail(SelfCheckTexts.DeviceTimeoutV3.Format(device.Name, host), SelfCheckTexts.DeviceTimeoutV3Hint.Format(device.Name, host, key))
                : CheckOutcome.Fail(SelfCheckTexts.DeviceTimeout.Format(device.Name, host), SelfCheckTexts.DeviceTimeoutHint.Format(device.Name, host, key));
        }
        catch (SnmpErrorException error)
        {
            return CheckOutcome.Fail(SelfCheckTexts.DeviceErrorStatus.Format(device.Name, error.ErrorStatus), SelfCheckTexts.DeviceErrorStatusHint.Format(device.Name, host, key));
        }
        catch (Exception ex) when (ex is SocketException or SnmpException or FormatException)
        {
            return CheckOutcome.Fail(SelfCheckTexts.DeviceNetworkError.Format(device.Name, host, ex.Message.ReplaceLineEndings(" ")),
                SelfCheckTexts.DeviceNetworkErrorHint.Format(device.Name, host, key));
        }
    }

    /// <summary>
    /// The device's own settings with attempts shortened to fit the check's timeout: two attempts, plus (SNMPv3 authPriv)
    /// the engine's authNoPriv probe that tells a wrong privacy passphrase from silence.
    /// </summary>
    internal static async Task<SnmpTarget> TargetAsync(SelfCheckContext context, DeviceOptions device, CancellationToken cancellationToken)
    {
        var endPoint = await SnmpTarget.ParseEndPointAsync(device.Endpoint.ToString(), DeviceOptions.DefaultPort, cancellationToken);
        var attempt = TimeSpan.FromSeconds(Math.Min(device.TimeoutSeconds, context.Timeout.TotalSeconds / 5));
        return new SnmpTarget(endPoint)
        {
            Version = device.Version switch { "1" => SnmpVersion.V1, "3" => SnmpVersion.V3, _ => SnmpVersion.V2c },
            Community = device.IsV3 ? "" : device.Community.Reveal(),
            Security = device.IsV3 ? UsmSecurityFactory.Create(device) : null,
            Timeout = attempt,
            Retries = Math.Min(device.Retries, 1),
            MaxRepetitions = device.MaxRepetitions,
        };
    }
}
