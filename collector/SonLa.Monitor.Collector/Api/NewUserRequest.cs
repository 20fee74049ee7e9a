namespace SonLa.Monitor.Collector.Api;

/// <summary><c>POST /api/users</c> body. <see cref="MustChangePassword"/> defaults to true: the admin chose the password.</summary>
public sealed record NewUserRequest(string? Name, string? Role, string? Site, string? Password, bool? MustChangePassword);
