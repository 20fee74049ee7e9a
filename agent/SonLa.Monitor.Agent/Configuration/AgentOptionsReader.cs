using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace SonLa.Monitor.Agent.Configuration;

/// <summary>
/// Binds agent.json (after environment and command-line overrides) into <see cref="AgentOptions"/> and validates it,
/// reporting every bad key with its path and reason at once.
/// </summary>
public static partial class AgentOptionsReader
{
    public static readonly IReadOnlyList<string> Versions = ["1", "2c", "3"];
    public static readonly IReadOnlyList<string> Levels = ["noAuthNoPriv", "authNoPriv", "authPriv"];
    public static readonly IReadOnlyList<string> AuthProtocols = ["MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512"];
    public static readonly IReadOnlyList<string> PrivProtocols = ["DES", "AES", "AES-192", "AES-256", "AES-192-C", "AES-256-C"];

    /// <summary>net-snmp refuses USM passphrases shorter than this (RFC 3414 11.2 recommends it).</summary>
    public const int MinPassphraseLength = 8;

    /// <summary>msgUserName is an SnmpAdminString (SIZE(1..32)) in RFC 3414.</summary>
    public const int MaxUserNameBytes = 32;

    private static readonly string[] RootKeys = ["Site", "Collector", "Outbox", "Devices", "Ping", "Traps", "SelfCheck", "Logging"];
    private static readonly string[] SiteKeys = ["Id", "Name"];
    private static readonly string[] CollectorKeys =
        ["Url", "Urls", "Token", "CaCertificate", "HeartbeatSeconds", "BatchSeconds", "MaxBatchPoints", "BacklogKilobitsPerSecond"];
    private static readonly string[] OutboxKeys = ["Directory", "MaxMegabytes", "MaxBatches"];
    private static readonly string[] DeviceKeys =
    [
        "Name", "Host", "Version", "Community", "IntervalSeconds", "Role", "TimeoutSeconds", "Retries", "MaxRepetitions",
        "PollTimeoutSeconds", "User", "Level", "AuthProtocol", "AuthPassphrase", "PrivProtocol", "PrivPassphrase", "Context",
    ];

    public static AgentOptionsResult Read(IConfiguration configuration, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var reader = new ConfigSectionReader();
        var options = new AgentOptions { BaseDirectory = baseDirectory };

        // Only the root of a JSON file is checked for typos: environment variables are not ours to police.
        options.Site = ReadSite(reader, configuration.GetSection(SiteOptions.SectionName));
        options.Collector = ReadCollector(reader, configuration.GetSection(CollectorOptions.SectionName), baseDirectory);
        options.Outbox = ReadOutbox(reader, configuration.GetSection(OutboxOptions.SectionName), baseDirectory);
        options.Devices = ReadDevices(reader, configuration.GetSection(DeviceOptions.SectionName));
        options.Ping = ReadPing(reader, configuration.GetSection(PingTargetOptions.SectionName));
        options.Traps = ReadTraps(reader, configuration.GetSection(TrapsOptions.SectionName));
        options.SelfCheck = ReadSelfCheck(reader, configuration.GetSection(SelfCheckOptions.SectionName), baseDirectory);
        return new AgentOptionsResult(options, reader.Errors, reader.Warnings);
    }

    /// <summary>Root keys a JSON file may hold; anything else there is reported (used by the loader on the file alone).</summary>
    public static IReadOnlyList<string> KnownRootKeys => RootKeys;

    private static SiteOptions ReadSite(ConfigSectionReader reader, IConfigurationSection section)
    {
        reader.KnownKeysOnly(section, SiteKeys);
        var site = new SiteOptions { Id = reader.String(section, "Id"), Name = reader.String(section, "Name") };
        if (site.Id.Length == 0)
        {
            reader.Error("Site:Id", "required (the site id, e.g. \"chieng-coi\")");
        }
        else if (!site.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            reader.Error("Site:Id", $"only letters, digits, '.', '_' and '-' are allowed (got '{site.Id}')");
        }

        return site;
    }

    private static CollectorOptions ReadCollector(ConfigSectionReader reader, IConfigurationSection section, string baseDirectory)
    {
        reader.KnownKeysOnly(section, CollectorKeys);
        var collector = new CollectorOptions
        {
            Token = reader.Secret(section, "Token"),
            CaCertificate = NullIfEmpty(reader.String(section, "CaCertificate")),
            HeartbeatSeconds = reader.Int(section, "HeartbeatSeconds", CollectorOptions.DefaultHeartbeatSeconds, 1, 3600),
            BatchSeconds = reader.Double(section, "BatchSeconds", CollectorOptions.DefaultBatchSeconds, 0.05, 300),
            MaxBatchPoints = reader.Int(section, "MaxBatchPoints", CollectorOptions.DefaultMaxBatchPoints, 1, 100_000),
            BacklogKilobitsPerSecond = reader.Int(section, "BacklogKilobitsPerSecond", 0, 0, 10_000_000),
        };

        var urls = new List<Uri>();
        var url = reader.String(section, "Url");
        if (url.Length > 0 && ParseCollectorUrl(reader, "Collector:Url", url) is { } first)
        {
            urls.Add(first);
        }

        var index = 0;
        foreach (var text in ConfigSectionReader.Strings(section, "Urls"))
        {
            var key = $"Collector:Urls:{index++}";
            if (text.Length == 0)
            {
                reader.Error(key, "must not be empty");
            }
            else if (ParseCollectorUrl(reader, key, text) is { } more && !urls.Contains(more))
            {
                urls.Add(more);
            }
        }

        if (url.Length == 0 && index == 0)
        {
            reader.Error("Collector:Url", "required (e.g. \"https://noc.example:5443\"; Collector:Urls adds failover URLs)");
        }

        collector.Urls = urls;
        collector.Url = urls.FirstOrDefault();
        if (section.GetSection("BatchSeconds").Value is not null)
        {
            reader.Warning("Collector:BatchSeconds", "obsolete and ignored: every poll, trap and status point is queued in the outbox at once");
        }

        if (collector.Token.IsEmpty)
        {
            reader.Error("Collector:Token", "required (the per-agent token the collector expects)");
        }

        if (collector.CaCertificate is not null)
        {
            var path = Path.GetFullPath(collector.CaCertificate, baseDirectory);
            collector.CaCertificate = path;
            ValidateCaFile(reader, path);
        }

        return collector;
    }

    private static Uri? ParseCollectorUrl(ConfigSectionReader reader, string key, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            reader.Error(key, $"must be an absolute https:// URL (got '{url}')");
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            reader.Error(key, $"plain http is allowed only to a loopback host; use https (got '{url}')");
            return null;
        }

        return uri;
    }

    private static void ValidateCaFile(ConfigSectionReader reader, string path)
    {
        if (!File.Exists(path))
        {
            reader.Error("Collector:CaCertificate", $"file not found ({path})");
            return;
        }

        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPemFile(path);
            if (certificates.Count == 0)
            {
                reader.Error("Collector:CaCertificate", $"no PEM certificate in {path}");
            }
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            reader.Error("Collector:CaCertificate", $"cannot read a PEM certificate from {path}: {ex.Message}");
        }
    }

    private static OutboxOptions ReadOutbox(ConfigSectionReader reader, IConfigurationSection section, string baseDirectory)
    {
        reader.KnownKeysOnly(section, OutboxKeys);
        var directory = reader.String(section, "Directory", OutboxOptions.DefaultDirectory);
        if (directory.Length == 0)
        {
            directory = OutboxOptions.DefaultDirectory;
        }

        try
        {
            directory = Path.GetFullPath(directory, baseDirectory.Length > 0 ? baseDirectory : Directory.GetCurrentDirectory());
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            reader.Error("Outbox:Directory", $"not a valid folder path ({ex.Message})");
        }

        return new OutboxOptions
        {
            Directory = directory,
            MaxMegabytes = reader.Int(section, "MaxMegabytes", OutboxOptions.DefaultMaxMegabytes, 1, 1_000_000),
            MaxBatches = reader.Int(section, "MaxBatches", OutboxOptions.DefaultMaxBatches, 1, 100_000_000),
        };
    }

    private static List<DeviceOptions> ReadDevices(ConfigSectionReader reader, IConfigurationSection section)
    {
        var devices = new List<DeviceOptions>();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var entry in section.GetChildren())
        {
            var device = ReadDevice(reader, entry, index++);
            if (device.Name.Length > 0)
            {
                if (names.TryGetValue(device.Name, out var first))
                {
                    reader.Error(ConfigSectionReader.KeyOf(entry, "Name"), $"duplicate device name '{device.Name}' (also {first})");
                }
                else
                {
                    names[device.Name] = ConfigSectionReader.KeyOf(entry, "Name");
                }
            }

            devices.Add(device);
        }

        return devices;
    }

    private static DeviceOptions ReadDevice(ConfigSectionReader reader, IConfigurationSection entry, int index)
    {
        reader.KnownKeysOnly(entry, DeviceKeys);
        var device = new DeviceOptions
        {
            Index = index,
            Name = reader.String(entry, "Name"),
            Host = reader.String(entry, "Host"),
            Version = reader.OneOf(entry, "Version", "2c", Versions),
            Community = reader.Secret(entry, "Community"),
            IntervalSeconds = reader.Int(entry, "IntervalSeconds", DeviceOptions.DefaultIntervalSeconds, 1, 86_400),
            Role = reader.String(entry, "Role"),
            TimeoutSeconds = reader.Double(entry, "TimeoutSeconds", DeviceOptions.DefaultTimeoutSeconds, 0.05, 60),
            Retries = reader.Int(entry, "Retries", DeviceOptions.DefaultRetries, 0, 10),
            MaxRepetitions = reader.Int(entry, "MaxRepetitions", DeviceOptions.DefaultMaxRepetitions, 1, 1000),
            PollTimeoutSeconds = reader.Double(entry, "PollTimeoutSeconds", 0, 0, 86_400),
            User = reader.String(entry, "User"),
            Level = reader.OneOf(entry, "Level", "", Levels),
            AuthProtocol = reader.OneOf(entry, "AuthProtocol", "", AuthProtocols),
            AuthPassphrase = reader.Secret(entry, "AuthPassphrase"),
            PrivProtocol = reader.OneOf(entry, "PrivProtocol", "", PrivProtocols),
            PrivPassphrase = reader.Secret(entry, "PrivPassphrase"),
            Context = reader.String(entry, "Context"),
        };

        var key = entry.Path;
        if (device.Name.Length == 0)
        {
            reader.Error(key + ":Name", "required (a short unique name such as \"router\")");
        }
        else if (device.Name.Any(char.IsControl))
        {
            reader.Error(key + ":Name", "must not contain control characters");
        }

        if (device.Host.Length == 0)
        {
            reader.Error(key + ":Host", "required (HOST[:PORT], e.g. \"192.168.1.1:161\")");
        }
        else if (HostAndPort.TryParse(device.Host, DeviceOptions.DefaultPort, out var endpoint))
        {
            device.Endpoint = endpoint;
        }
        else
        {
            reader.Error(key + ":Host", $"not a valid HOST[:PORT] (got '{device.Host}')");
        }

        if (device.IsV3)
        {
            ValidateV3(reader, key, device);
        }
        else if (device.Community.IsEmpty)
        {
            reader.Error(key + ":Community", $"required for SNMP version {device.Version}");
        }

        return device;
    }

    private static void ValidateV3(ConfigSectionReader reader, string key, DeviceOptions device)
    {
        if (device.User.Length == 0)
        {
            reader.Error(key + ":User", "required for SNMP version 3");
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(device.User) > MaxUserNameBytes)
        {
            reader.Error(key + ":User", $"a USM user name is at most {MaxUserNameBytes} bytes");
        }

        if (device.Level.Length == 0)
        {
            // As net-snmp's tools infer -l from the flags given.
            device.Level = !device.PrivPassphrase.IsEmpty || device.PrivProtocol.Length > 0 ? "authPriv"
                : !device.AuthPassphrase.IsEmpty || device.AuthProtocol.Length > 0 ? "authNoPriv"
                : "noAuthNoPriv";
        }

        var needsAuth = device.Level is "authNoPriv" or "authPriv";
        if (needsAuth)
        {
            if (device.AuthProtocol.Length == 0)
            {
                reader.Error(key + ":AuthProtocol", $"required for Level {device.Level} ({Alternatives(AuthProtocols)})");
            }

            if (device.AuthPassphrase.Length < MinPassphraseLength)
            {
                reader.Error(key + ":AuthPassphrase", $"required for Level {device.Level}, at least {MinPassphraseLength} characters");
            }
        }
        else
        {
            // A passphrase the level ignores is almost always a mistyped Level: polling with less security than meant.
            RefuseUnused(reader, key, "AuthPassphrase", !device.AuthPassphrase.IsEmpty, device.Level, "authNoPriv or authPriv");
            RefuseUnused(reader, key, "AuthProtocol", device.AuthProtocol.Length > 0, device.Level, "authNoPriv or authPriv");
        }

        if (device.Level == "authPriv")
        {
            if (device.PrivProtocol.Length == 0)
            {
                reader.Error(key + ":PrivProtocol", $"required for Level authPriv ({Alternatives(PrivProtocols)})");
            }

            if (device.PrivPassphrase.Length < MinPassphraseLength)
            {
                reader.Error(key + ":PrivPassphrase", $"required for Level authPriv, at least {MinPassphraseLength} characters");
            }
        }
        else
        {
            RefuseUnused(reader, key, "PrivPassphrase", !device.PrivPassphrase.IsEmpty, device.Level, "authPriv");
            RefuseUnused(reader, key, "PrivProtocol", device.PrivProtocol.Length > 0, device.Level, "authPriv");
        }

        if (!device.Community.IsEmpty)
        {
            reader.Warning(key + ":Community", "ignored for SNMP version 3 (USM uses User and the passphrases)");
        }
    }

    private static void RefuseUnused(ConfigSectionReader reader, string key, string name, bool present, string level, string levels)
    {
        if (present)
        {
            reader.Error(key + ":" + name, $"given, but Level {level} does not use it (set Level to {levels}, or remove {name})");
        }
    }

    private static string Alternatives(IReadOnlyList<string> allowed) =>
        string.Join(", ", allowed.Take(allowed.Count - 1)) + " or " + allowed[^1];

    private static TrapsOptions ReadTraps(ConfigSectionReader reader, IConfigurationSection section)
    {
        var traps = new TrapsOptions
        {
            Listen = reader.String(section, "Listen"),
            MaxPerSecondPerSource = reader.Double(section, "MaxPerSecondPerSource", TrapsOptions.DefaultMaxPerSecondPerSource, 1, 1_000_000),
            Communities = section.GetSection("Communities").GetChildren().Select(c => new Secret(c.Value ?? "")).ToList(),
            Users = section.GetSection("Users").GetChildren().Select(u => new TrapUserOptions
            {
                User = reader.String(u, "User"),
                EngineId = reader.String(u, "EngineId"),
                Level = reader.String(u, "Level"),
                AuthProtocol = reader.String(u, "AuthProtocol"),
                AuthPassphrase = reader.Secret(u, "AuthPassphrase"),
                PrivProtocol = reader.String(u, "PrivProtocol"),
                PrivPassphrase = reader.Secret(u, "PrivPassphrase"),
            }).ToList(),
        };

        if (traps.Listen.Length > 0 && !HostAndPort.TryParse(traps.Listen, 162, out _))
        {
            reader.Error("Traps:Listen", $"not a valid HOST[:PORT] (got '{traps.Listen}')");
        }

        for (var i = 0; i < traps.Users.Count; i++)
        {
            try
            {
                Traps.TrapUserFactory.Create(traps.Users[i]);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                reader.Error($"Traps:Users:{i}", ex.Message);
            }
        }

        return traps;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
