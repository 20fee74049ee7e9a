namespace SonLa.Monitor.Collector.Auth;

/// <summary>The three roles of the product contract.</summary>
public static class Roles
{
    /// <summary>The NOC: reads everything.</summary>
    public const string Viewer = "viewer";

    /// <summary>Province IT: reads everything, acknowledges alerts, manages maintenance windows and users.</summary>
    public const string Admin = "admin";

    /// <summary>Commune staff: one site only (the <see cref="SonLaClaimTypes.Site"/> claim).</summary>
    public const string Site = "site";
}
