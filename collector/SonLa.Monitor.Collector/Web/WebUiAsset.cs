namespace SonLa.Monitor.Collector.Web;

/// <summary>One file of the web UI: its path under the UI's root, bytes and Content-Type.</summary>
public sealed record WebUiAsset(string Path, byte[] Content, string ContentType);
