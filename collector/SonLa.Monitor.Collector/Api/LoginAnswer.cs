namespace SonLa.Monitor.Collector.Api;

/// <summary>
/// <c>POST /api/login</c> answer. The session itself is the <c>sonla_session</c> cookie; <see cref="CsrfToken"/> goes in
/// the <see cref="CsrfHeader"/> header of every later POST/DELETE made with that cookie.
/// </summary>
public sealed record LoginAnswer(UserView User, string CsrfToken, string CsrfHeader);
