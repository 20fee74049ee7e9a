using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace SonLa.Monitor.Agent.Configuration;

/// <summary>The <c>SelfCheck</c> section.</summary>
public static partial class AgentOptionsReader
{
    private static readonly string[] SelfCheckKeys = ["Services", "NtpServers", "TimeoutSeconds", "IntervalMinutes", "Gateway", "CaCertificate", "StatusPage"];
    private static readonly string[] SelfCheckServiceKeys = ["Name", "Url", "CaCertificate"];

    private static SelfCheckOptions ReadSelfCheck(ConfigSectionReader reader, IConfigurationSection section, string baseDirectory)
    {
        reader.KnownKeysOnly(section, SelfCheckKeys);
        var options = new SelfCheckOptions
        {
            NtpServers = ConfigSectionReader.Strings(section, "NtpServers"),
            TimeoutSeconds = reader.Double(section, "TimeoutSeconds", SelfCheckOptions.DefaultTimeoutSeconds, 0.2, 60),
            IntervalMinutes = reader.Int(section, "IntervalMinutes", SelfCheckOptions.DefaultIntervalMinutes, 0, 7 * 24 * 60),
            Gateway = reader.String(section, "Gateway"),
            CaCertificate = CaFile(reader, section, "CaCertificate", baseDirectory),
            StatusPageListen = reader.String(section.GetSection("StatusPage"), "Listen"),
        };

        var services = new List<SelfCheckServiceOptions>();
        foreach (var service in section.GetSection("Services").GetChildren())
        {
            reader.KnownKeysOnly(service, SelfCheckServiceKeys);
            var entry = new SelfCheckServiceOptions
            {
                Name = reader.String(service, "Name"),
                Url = reader.String(service, "Url"),
                CaCertificate = CaFile(reader, service, "CaCertificate", baseDirectory),
            };
            if (!Uri.TryCreate(entry.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                reader.Error(ConfigSectionReader.KeyOf(service, "Url"), $"an http(s) URL is required (got '{entry.Url}')");
            }

            if (entry.Name.Length == 0)
            {
                entry.Name = entry.Url;
            }

            services.Add(entry);
        }

        options.Services = services;
        var index = 0;
        foreach (var server in options.NtpServers)
        {
            if (!HostAndPort.TryParse(server, 123, out _))
            {
                reader.Error($"SelfCheck:NtpServers:{index}", $"not a valid HOST[:PORT] (got '{server}')");
            }

            index++;
        }

        if (options.Gateway.Length > 0 && !System.Net.IPAddress.TryParse(options.Gateway, out _))
        {
            reader.Error("SelfCheck:Gateway", $"an IP address is required (got '{options.Gateway}')");
        }

        if (options.StatusPageListen.Length > 0
            && (!HostAndPort.TryParse(options.StatusPageListen, 8089, out var listen) || listen.Address is not { } address || !System.Net.IPAddress.IsLoopback(address)))
        {
            reader.Error("SelfCheck:StatusPage:Listen", $"a loopback IP:PORT is required, e.g. 127.0.0.1:8089 (got '{options.StatusPageListen}')");
        }

        return options;
    }

    private static string? CaFile(ConfigSectionReader reader, IConfigurationSection section, string key, string baseDirectory)
    {
        var text = reader.String(section, key);
        if (text.Length == 0)
        {
            return null;
        }

        var path = Path.GetFullPath(text, baseDirectory);
        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPemFile(path);
            if (certificates.Count == 0)
            {
                reader.Error(ConfigSectionReader.KeyOf(section, key), $"no PEM certificate in {path}");
            }
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            reader.Error(ConfigSectionReader.KeyOf(section, key), $"cannot read a PEM certificate from {path}: {ex.Message}");
        }

        return path;
    }
}
