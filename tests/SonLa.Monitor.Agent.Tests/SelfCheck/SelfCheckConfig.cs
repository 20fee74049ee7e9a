using System.Text.Json.Nodes;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Agent.Tests.SelfCheck;

/// <summary>Writes an agent.json for self-check tests: loopback only, a dead collector by default, the gateway pinned to 127.0.0.1.</summary>
internal sealed class SelfCheckConfig
{
    public const string AuthPass = "auth-Phrase-5521";
    public const string PrivPass = "priv-Phrase-9034";

    private readonly JsonArray _devices = [];
    private readonly JsonArray _services = [];
    private readonly JsonArray _ntp = [];

    public string CollectorUrl { get; set; } = FormattableString.Invariant($"http://127.0.0.1:{FreePort.Tcp()}");

    public double TimeoutSeconds { get; set; } = 5;

    public SelfCheckConfig V2c(string name, string address, string community = "public", string role = "")
    {
        _devices.Add(new JsonObject { ["Name"] = name, ["Host"] = address, ["Community"] = community, ["Role"] = role });
        return this;
    }

    public SelfCheckConfig V3(string name, string address, string user = "mon", string authPass = AuthPass, string privPass = PrivPass)
    {
        _devices.Add(new JsonObject
        {
            ["Name"] = name, ["Host"] = address, ["Version"] = "3", ["User"] = user, ["Level"] = "authPriv",
            ["AuthProtocol"] = "SHA-256", ["AuthPassphrase"] = authPass, ["PrivProtocol"] = "AES", ["PrivPassphrase"] = privPass,
        });
        return this;
    }

    public SelfCheckConfig Service(string name, string url, string? caCertificate = null)
    {
        var service = new JsonObject { ["Name"] = name, ["Url"] = url };
        if (caCertificate is not null)
        {
            service["CaCertificate"] = caCertificate;
        }

        _services.Add(service);
        return this;
    }

    public SelfCheckConfig Ntp(string address)
    {
        _ntp.Add(address);
        return this;
    }

    public string Write(TempDirectory directory)
    {
        var json = new JsonObject
        {
            ["Site"] = new JsonObject { ["Id"] = "chieng-coi", ["Name"] = "Xã Chiềng Cơi" },
            ["Collector"] = new JsonObject { ["Url"] = CollectorUrl, ["Token"] = "selfcheck-test-token-0001" },
            ["Outbox"] = new JsonObject { ["Directory"] = directory.File("outbox") },
            ["Devices"] = _devices.DeepClone(),
            ["SelfCheck"] = new JsonObject
            {
                ["Services"] = _services.DeepClone(),
                ["NtpServers"] = _ntp.DeepClone(),
                ["Gateway"] = "127.0.0.1",
                [nameof(TimeoutSeconds)] = TimeoutSeconds,
            },
        };
        var path = directory.File("agent.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }
}
