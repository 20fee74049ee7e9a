using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SonLa.Monitor.Collector.Configuration;

/// <summary>Checks <c>Agents</c> and <c>Sites</c>: every problem, with its index, at once.</summary>
public sealed partial class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    /// <summary>Tokens shorter than this are guessable.</summary>
    public const int MinTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();

        var siteIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Sites.Count; i++)
        {
            var site = options.Sites[i];
            if (CheckSiteId(builder, site.Id, $"Sites:{i}:Id") && !siteIds.TryAdd(site.Id!, i))
            {
                builder.AddKeyError($"'{site.Id}' is already used by Sites:{siteIds[site.Id!]}", $"Sites:{i}:Id");
            }

            if (string.IsNullOrWhiteSpace(site.Name))
            {
                builder.AddKeyError("must not be empty", $"Sites:{i}:Name");
            }
        }

        if (options.Agents.Count == 0)
        {
            builder.AddKeyError("at least one agent { \"SiteId\", \"Token\" } must be configured", "Agents");
        }

        var agentSites = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Agents.Count; i++)
        {
            var agent = options.Agents[i];
            if (CheckSiteId(builder, agent.SiteId, $"Agents:{i}:SiteId"))
            {
                if (!agentSites.TryAdd(agent.SiteId!, i))
                {
                    builder.AddKeyError($"'{agent.SiteId}' is already used by Agents:{agentSites[agent.SiteId!]}", $"Agents:{i}:SiteId");
                }
                else if (options.Sites.Count > 0 && !siteIds.ContainsKey(agent.SiteId!))
                {
                    builder.AddKeyError($"'{agent.SiteId}' is not one of the Sites", $"Agents:{i}:SiteId");
                }
            }

            var token = agent.Token?.Reveal();
            if (string.IsNullOrWhiteSpace(token))
            {
                builder.AddKeyError("must not be empty", $"Agents:{i}:Token");
            }
            else if (token.Trim().Length != token.Length)
            {
                builder.AddKeyError("must not start or end with whitespace", $"Agents:{i}:Token");
            }
            else if (token.Length < MinTokenLength)
            {
                builder.AddKeyError($"must be at least {MinTokenLength} characters", $"Agents:{i}:Token");
            }
            else if (!tokens.TryAdd(token, i))
            {
                // Never echo the token itself: only where the duplicate is.
                builder.AddKeyError($"is the same as Agents:{tokens[token]}:Token (every agent needs its own)", $"Agents:{i}:Token");
            }
        }

        return builder.Build();
    }

    private static bool CheckSiteId(ValidateOptionsResultBuilder builder, string? id, string key)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            builder.AddKeyError("must not be empty", key);
            return false;
        }

        if (!SiteIdPattern().IsMatch(id))
        {
            builder.AddKeyError("must be 1-64 characters of a-z, A-Z, 0-9, '.', '_', '-' (it becomes the InfluxDB tag 'site')", key);
            return false;
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex SiteIdPattern();
}
