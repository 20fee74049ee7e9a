using System.Globalization;
using SonLa.Monitor.Agent.Configuration;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>The agent.json path of a device (<c>Devices:2</c>), which hints name so province IT knows what to edit.</summary>
internal static class DeviceKey
{
    public static string Of(DeviceOptions device) =>
        string.Create(CultureInfo.InvariantCulture, $"{DeviceOptions.SectionName}:{device.Index}");
}
