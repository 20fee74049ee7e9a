namespace SonLa.Monitor.Collector.Auth;

public static class SonLaClaimTypes
{
    /// <summary>The site a <see cref="Roles.Site"/> user may see. Absent for viewer and admin.</summary>
    public const string Site = "sonla:site";
}
