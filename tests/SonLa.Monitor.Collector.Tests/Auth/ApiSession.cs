using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SonLa.Monitor.Collector.Tests.Auth;

/// <summary>An HTTP client of the collector's API with its own cookie jar, like one browser (or one script with a token).</summary>
internal sealed class ApiSession : IDisposable
{
    private readonly HttpClient _http;

    public ApiSession(Uri address)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = address,
        };
    }

    public CookieContainer Cookies { get; }

    /// <summary>Sent as X-CSRF-TOKEN on unsafe requests when set.</summary>
    public string? CsrfToken { get; set; }

    public string? BearerToken
    {
        set => _http.DefaultRequestHeaders.Authorization = value is null ? null : new AuthenticationHeaderValue("Bearer", value);
    }

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Answer> PostAsync(string path, string? json = null) => SendAsync(HttpMethod.Post, path, json);

    public Task<Answer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<Answer> SendAsync(HttpMethod method, string path, string? json, string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        }

        if (CsrfToken is not null && method != HttpMethod.Get)
        {
            request.Headers.Add("X-CSRF-TOKEN", CsrfToken);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, body, response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Signs in with the cookie and keeps the antiforgery token of the answer.</summary>
    public async Task<Answer> LoginAsync(string user, string password)
    {
        var answer = await PostAsync("/api/login", JsonSerializer.Serialize(new Dictionary<string, string> { ["user"] = user, ["password"] = password }));
        if (answer.Status == HttpStatusCode.OK)
        {
            CsrfToken = answer.Json.GetProperty("csrf_token").GetString();
        }

        return answer;
    }

    public void Dispose() => _http.Dispose();

    internal sealed record Answer(HttpStatusCode Status, string Body, HttpResponseHeaders Headers, string? MediaType)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public string? Error => Json.GetProperty("error").GetString();

        public override string ToString() => $"{(int)Status} {Body}";
    }
}
