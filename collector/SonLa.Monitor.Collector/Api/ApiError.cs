namespace SonLa.Monitor.Collector.Api;

/// <summary>Every error answer of the API: a stable machine code and one human line.</summary>
/// <param name="Error">e.g. unauthorized, forbidden, password_change_required, antiforgery, invalid_request, not_found, conflict.</param>
public sealed record ApiError(string Error, string Message);
