namespace SonLa.Monitor.Collector.Tests.Storage;

/// <summary>One request as RecordingHttpServer saw it.</summary>
internal sealed record RecordedRequest(string Method, string Path, Dictionary<string, string> Query,
    Dictionary<string, string> Headers, string Body);
