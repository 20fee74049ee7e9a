namespace SonLa.Monitor.Collector.Auth;

/// <summary>What one failed login did to the throttle.</summary>
/// <param name="Lockout">Set when this failure locked the name or the address out, for that long.</param>
public readonly record struct LoginFailure(int UserFailures, int AddressFailures, TimeSpan? Lockout);
