using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Cli;

/// <summary>
/// Parses <c>get</c> and <c>walk</c> arguments the way net-snmp's tools take them: a value
/// attached (<c>-v2c</c>, <c>-cpublic</c>, <c>-Cr20</c>) or as the next argument (<c>-v 2c</c>,
/// <c>-Cr 20</c>), options before or after HOST and OIDs, <c>--</c> ending options.
/// Errors are <see cref="CliUsageException"/>s naming the flag; a passphrase or community is never quoted.
/// </summary>
internal static partial class SnmpCommandLineParser
{
    /// <summary>net-snmp's SNMP_MAX_CMDLINE_OIDS.</summary>
    public const int MaxOids = 128;

    /// <summary>Parses the arguments after the command name; null when help was asked for.</summary>
    public static SnmpCommandLine? Parse(string command, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var walk = command == "walk";
        var state = new State();
        var positionals = new List<string>();
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (optionsEnded || token.Length < 2 || token[0] != '-')
            {
                positionals.Add(token);
                continue;
            }

            if (token[1] == '-')
            {
                switch (token)
                {
                    case "--":
                        optionsEnded = true;
                        continue;
                    case "--help":
                        return null;
                    case "--json":
                        state.Json = true;
                        continue;
                    default:
                        var name = token.Split('=', 2)[0];
                        throw new CliUsageException($"unknown option {name} for '{command}'");
                }
            }

            var flag = token[1];
            switch (flag)
            {
                case 'h':
                    return null;
                case 'v':
                    state.Version = ParseVersion(TakeValue(args, ref i, "1|2c|3"));
                    break;
                case 'c':
                    state.Community = new Secret(TakeValue(args, ref i, "COMMUNITY"));
                    break;
                case 't':
                    state.Timeout = ParseTimeout(TakeValue(args, ref i, "SECONDS"));
                    break;
                case 'r':
                    state.Retries = ParseRetries(TakeValue(args, ref i, "RETRIES"));
                    break;
                case 'C':
                    ParseApplicationOptions(walk, args, ref i, state);
                    break;
                case 'O':
                    ParseOutputOptions(TakeValue(args, ref i, "n"));
                    break;
                case 'm' or 'M':
                    // MIB loading: accepted so net-snmp command lines work; OIDs are numeric anyway.
                    TakeValue(args, ref i, flag == 'm' ? "MIBS" : "DIRS");
                    break;
                case 'u' or 'l' or 'a' or 'A' or 'x' or 'X' or 'n' or 'e' or 'E':
                    ParseUsmFlag(flag, args, ref i, state);
                    break;
                default:
                    throw new CliUsageException($"unknown option -{flag} for '{command}'");
            }
        }

        return Build(command, walk, state, positionals);
    }

    private static SnmpCommandLine Build(string command, bool walk, State state, List<string> positionals)
    {
        if (positionals.Count == 0)
        {
            throw new CliUsageException($"missing HOST[:PORT]: '{command}' needs the agent to ask");
        }

        var agent = positionals[0];
        if (string.IsNullOrWhiteSpace(agent))
        {
            throw new CliUsageException("missing HOST[:PORT]: the agent address is empty");
        }

        var oidTexts = positionals.Skip(1).ToList();
        if (walk && oidTexts.Count > 1)
        {
            throw new CliUsageException($"'walk' takes one OID (the subtree to walk), not {oidTexts.Count}");
        }

        if (!walk && oidTexts.Count == 0)
        {
            throw new CliUsageException("missing OID: 'get' needs at least one OID after HOST[:PORT]");
        }

        if (oidTexts.Count > MaxOids)
        {
            throw new CliUsageException($"too many OIDs: at most {MaxOids} in one request");
        }

        var oids = oidTexts.Count == 0 ? [SnmpCommandLine.DefaultWalkRoot] : oidTexts.Select(ParseOid).ToList();
        var version = state.Version ?? (state.Usm.Any ? SnmpVersion.V3 : SnmpVersion.V2c);
        var usm = version == SnmpVersion.V3 ? CompleteUsm(state.Usm) : state.Usm;
        return new SnmpCommandLine
        {
            Command = command,
            Agent = agent,
            Oids = oids,
            Version = version,
            Community = state.Community,
            Timeout = state.Timeout,
            Retries = state.Retries,
            MaxRepetitions = state.MaxRepetitions,
            Json = state.Json,
            FixErrors = state.FixErrors,
            Usm = usm,
        };
    }

    private static string TakeValue(IReadOnlyList<string> args, ref int i, string what)
    {
        var token = args[i];
        if (token.Length > 2)
        {
            return token[2..];
        }

        if (i + 1 >= args.Count)
        {
            throw new CliUsageException($"{token} needs a value ({token} {what})");
        }

        return args[++i];
    }

    /// <summary>-C: walk takes r&lt;N&gt; (max-repetitions), get takes f (do not fix errors and retry).</summary>
    private static void ParseApplicationOptions(bool walk, IReadOnlyList<string> args, ref int i, State state)
    {
        var value = TakeValue(args, ref i, walk ? "r<N>" : "f");
        for (var k = 0; k < value.Length; k++)
        {
            var option = value[k];
            if (walk && option == 'r')
            {
                var number = value[(k + 1)..];
                if (number.Length == 0)
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new CliUsageException("-Cr needs a number (-Cr N, the GETBULK max-repetitions)");
                    }

                    number = args[++i];
                }

                state.MaxRepetitions = ParseMaxRepetitions(number);
                return;
            }

            if (!walk && option == 'f')
            {
                state.FixErrors = false;
                continue;
            }

            throw new CliUsageException(walk
                ? $"-C{option} is not supported by 'walk' (only -Cr N, the GETBULK max-repetitions)"
                : $"-C{option} is not supported by 'get' (only -Cf, do not retry without the failed OID)");
        }
    }

    /// <summary>-On is our only output form (numeric OIDs): accepted, anything else refused.</summary>
    private static void ParseOutputOptions(string value)
    {
        foreach (var option in value)
        {
            if (option != 'n')
            {
                throw new CliUsageException($"-O{option} is not supported: output is always as with -On (use --json for machine-readable output)");
            }
        }
    }

    private static ObjectIdentifier ParseOid(string text)
    {
        if (ObjectIdentifier.TryParse(text, out var oid))
        {
            return oid;
        }

        string reason;
        try
        {
            ObjectIdentifier.Parse(text);
            reason = "not a numeric OID";
        }
        catch (FormatException e)
        {
            reason = e.Message.TrimEnd('.');
        }

        return text.Any(char.IsAsciiLetter)
            ? throw new CliUsageException($"bad OID '{text}': OIDs must be numeric (e.g. .1.3.6.1.2.1.1.3.0); no MIBs are loaded")
            : throw new CliUsageException($"bad OID: {reason}");
    }

    private sealed class State
    {
        public SnmpVersion? Version { get; set; }

        public Secret Community { get; set; } = new("public");

        public TimeSpan Timeout { get; set; } = Snmp.Transport.SnmpTarget.DefaultTimeout;

        public int Retries { get; set; } = Snmp.Transport.SnmpTarget.DefaultRetries;

        public int MaxRepetitions { get; set; } = Snmp.Transport.SnmpTarget.DefaultMaxRepetitions;

        public bool Json { get; set; }

        public bool FixErrors { get; set; } = true;

        public UsmArguments Usm { get; set; } = new();
    }
}
