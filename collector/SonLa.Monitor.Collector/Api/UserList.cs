namespace SonLa.Monitor.Collector.Api;

public sealed record UserList(IReadOnlyList<UserView> Users);
