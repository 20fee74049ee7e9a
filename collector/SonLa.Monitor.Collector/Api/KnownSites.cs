using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.Api;

/// <summary>The site ids the collector knows: the <c>Sites</c> inventory and the sites of <c>Agents</c>.</summary>
public sealed class KnownSites(IOptions<AccessOptions> access)
{
    private readonly Lazy<HashSet<string>> _ids = new(() =>
    {
        var options = access.Value;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        ids.UnionWith(options.Sites.Select(s => s.Id).OfType<string>());
        ids.UnionWith(options.Agents.Select(a => a.SiteId).OfType<string>());
        return ids;
    });

    public bool Contains(string siteId) => _ids.Value.Contains(siteId);
}
