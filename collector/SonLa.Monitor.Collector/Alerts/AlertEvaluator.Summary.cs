namespace SonLa.Monitor.Collector.Alerts;

public sealed partial class AlertEvaluator
{
    /// <summary>What the dashboard sees of one site's open alerts; compared to the previous one to tell it of changes.</summary>
    /// <param name="IdSum">Sum of the open alerts' ids: one alert resolved and another opened in one step still differs.</param>
    internal readonly record struct AlertSignature(SiteAlertCounts Counts, int Acknowledged, int Suppressed, long IdSum)
    {
        public AlertSignature Add(ActiveAlert alert) => new(
            new SiteAlertCounts(
                Counts.Pending + (alert.State == AlertState.Pending ? 1 : 0),
                Counts.Firing + (alert.State == AlertState.Firing ? 1 : 0),
                Counts.SiteOffline || (alert.State == AlertState.Firing && alert.Key.Rule == AlertRules.SiteOffline)),
            Acknowledged + (alert.Acknowledged is null ? 0 : 1),
            Suppressed + (alert.SuppressedBy is null ? 0 : 1),
            IdSum + alert.Id);
    }

    /// <summary>The signature of one site's open alerts (default when it has none).</summary>
    internal AlertSignature Signature(string siteId)
    {
        var signature = default(AlertSignature);
        if (_sites.TryGetValue(siteId, out var site))
        {
            foreach (var alert in site.Alerts.Values)
            {
                if (alert.State != AlertState.Resolved)
                {
                    signature = signature.Add(alert);
                }
            }
        }

        return signature;
    }

    /// <summary>The signatures of every site with open alerts, into <paramref name="signatures"/> (cleared first).</summary>
    internal void Signatures(Dictionary<string, AlertSignature> signatures)
    {
        signatures.Clear();
        foreach (var alert in _byId.Values)
        {
            if (alert.State != AlertState.Resolved)
            {
                signatures[alert.Key.Site] = signatures.GetValueOrDefault(alert.Key.Site).Add(alert);
            }
        }
    }
}
