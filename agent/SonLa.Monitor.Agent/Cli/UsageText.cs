namespace SonLa.Monitor.Agent.Cli;

/// <summary>What --help prints; the exit codes are documented here once.</summary>
internal static class UsageText
{
    public const string GetSynopsis =
        "sonla-agent get [-v 1|2c|3] [-c COMMUNITY] [v3 flags] [-t SECONDS] [-r RETRIES] [-Cf] [--json] HOST[:PORT] OID...";

    public const string WalkSynopsis =
        "sonla-agent walk [-v 1|2c|3] [-c COMMUNITY] [v3 flags] [-t SECONDS] [-r RETRIES] [-Cr N] [--json] HOST[:PORT] [OID]";

    public const string RunSynopsis = "sonla-agent run [--config agent.json] [--Section:Key=value ...]";

    public const string SelfCheckSynopsis = "sonla-agent selfcheck [--config agent.json] [--json] [--lang vi|en] [--no-color]";

    public static string Hint(string? command) => command switch
    {
        "get" => $"Usage: {GetSynopsis}  (sonla-agent get --help for details)",
        "walk" => $"Usage: {WalkSynopsis}  (sonla-agent walk --help for details)",
        "run" => $"Usage: {RunSynopsis}",
        _ => "Usage: sonla-agent run|get|walk|selfcheck [OPTIONS]  (sonla-agent --help for details)",
    };

    public const string Full = $$"""
        sonla-agent: the SonLa.Monitor site agent, and net-snmp-style SNMP tools.

        Usage:
          {{RunSynopsis}}
          {{GetSynopsis}}
          {{WalkSynopsis}}
          {{SelfCheckSynopsis}}
          sonla-agent --help | --version

        Commands:
          run        The long-running agent: polls the devices of agent.json and streams to the collector.
          get        One GET request with every OID given; prints one varbind a line.
          walk       Walks a subtree (default .1.3.6.1.2.1, mib-2) with GETBULK (GETNEXT for -v 1),
                     printing varbinds as they arrive.
          selfcheck  Checks the site in seconds (config and service, gateway, each device's SNMP, uplink, DNS,
                     services over HTTPS, collector and backlog, clock against NTP, disk, UPS), all at once,
                     each within SelfCheck:TimeoutSeconds (default 3); OK / CẢNH BÁO / LỖI with what to do,
                     in Vietnamese (--lang en for English); --json prints one object.

        Options of get and walk (as net-snmp's; a value may be attached: -v2c, -cpublic, -Cr20):
          -v 1|2c|3        SNMP version (default 2c; 3 when v3 flags are given)
          -c COMMUNITY     community string (default public)
          -t SECONDS       timeout of each attempt (default 1; fractions allowed, e.g. 0.5)
          -r RETRIES       retransmissions after the first attempt (default 5)
          -Cr N            walk: GETBULK max-repetitions (default 10, 1 to 1000)
          -Cf              get: do not ask again without the OID an error-status named
          -On              accepted; numeric OIDs are always printed
          -m, -M           accepted and ignored (no MIBs are loaded: OIDs are numeric)
          --json           one JSON object a line:
                           {"oid":"1.3.6.1.2.1.1.3.0","type":"TimeTicks","value":12345}
          v3: -u USER -l noAuthNoPriv|authNoPriv|authPriv
              -a MD5|SHA|SHA-224|SHA-256|SHA-384|SHA-512 -A PASSPHRASE
              -x DES|AES|AES-192|AES-256|AES-192-C|AES-256-C -X PASSPHRASE
              -n CONTEXT -E ENGINE-ID (context engine id)
              -e ENGINE-ID (accepted; the agent's engine id is always discovered)
              -l defaults to what the passphrases given allow; -a and -x have no default
          HOST[:PORT]      IPv4, [IPv6]:PORT, or a host name; udp: and udp6: prefixes accepted

        Output: as `snmpget -On` / `snmpbulkwalk -On` print it; errors on stderr, one line each.

        Exit codes:
          0    success
          1    bad arguments, timeout (a wrong community looks like one), unknown host,
               SNMPv3 unknown user, authentication or decryption failure,
               network or protocol failure; run: failed to start
          2    get/walk: the agent answered with an error-status (e.g. noSuchName in v1,
               genErr); get still prints the other OIDs, as snmpget does;
               run: configuration error (the lines above name each bad key);
               selfcheck: 0 all ok, 1 warnings, 2 failures (an invalid agent.json is a failure)
          130  interrupted (Ctrl-C)
          141  stdout closed by its reader (e.g. `| head`), as net-snmp's tools die of SIGPIPE
        """;
}
