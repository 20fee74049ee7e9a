using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.EndToEnd.Tests.SelfCheck;

/// <summary>
/// Province IT asks a site for a self-check now (issue 7 point 3): POST /api/sites/{id}/selfcheck on the real collector
/// → RunSelfCheck down the real agent's stream → the agent's self-check → outbox → collector → a new run in the
/// <c>selfcheck</c> measurement. The agent's own schedule starts 5 minutes after start, so the run found here is the
/// requested one (its log line names the request id).
/// </summary>
public sealed partial class SelfCheckRequestEndToEndTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AdminAsks_AgentRuns_NewSelfCheckRunInInfluxDb()
    {
        await using var router = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("router", [new SimulatedInterface(1, "ge-0/0/0")]));
        await using var stack = await MonitoringStack.StartAsync();
        stack.StartAgent([new { Name = "router", Host = router.Address, Version = "2c", Community = "public", IntervalSeconds = 5, TimeoutSeconds = 1, Retries = 0 }]);
        using var admin = await SignInAsAdminAsync(stack);

        Assert.Empty(await stack.Influx.QueryRowsAsync("SELECT status FROM selfcheck"));

        // The agent connects on its own time: until then the answer is 409.
        string? requestId = null;
        HttpStatusCode last = 0;
        await Poll.UntilAsync(async () =>
        {
            using var response = await admin.PostAsync($"/api/sites/{MonitoringStack.SiteId}/selfcheck", null);
            last = response.StatusCode;
            if (last == HttpStatusCode.Accepted)
            {
                requestId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request_id").GetString();
                return true;
            }

            Assert.Equal(HttpStatusCode.Conflict, last);
            return false;
        }, Deadline, "202 from POST /api/sites/chieng-coi/selfcheck");

        var rows = await stack.WaitForRowsAsync(
            $"SELECT status, message, \"check\" FROM selfcheck WHERE site = '{MonitoringStack.SiteId}'", r => r.Any(row => row["check"].GetString() == "config"));
        Assert.Equal(0d, rows.Single(r => r["check"].GetString() == "collector")["status"].GetDouble());
        Assert.Equal(0d, rows.Single(r => r["check"].GetString() == "device:router")["status"].GetDouble());
        Assert.Contains($"Self-check requested by the collector (request {requestId})", stack.AgentLog, StringComparison.Ordinal);
        Assert.Contains($"requested by admin (request {requestId})", stack.CollectorLog, StringComparison.Ordinal);
    }

    /// <summary>Signs in with the one-time password the collector printed and sets a new one, as an operator does.</summary>
    private static async Task<HttpClient> SignInAsAdminAsync(MonitoringStack stack)
    {
        string? oneTime = null;
        await Poll.UntilAsync(() => (oneTime = OneTimePassword().Match(stack.CollectorLog) is { Success: true } m ? m.Groups[1].Value : null) is not null,
            Deadline, "the first admin's one-time password in the collector's log");

        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(stack.CollectorHttpUrl),
        };
        using var login = await http.PostAsync("/api/login", Json(new { user = "admin", password = oneTime }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var csrf = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf_token").GetString();
        http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", csrf);
        using var changed = await http.PostAsync("/api/me/password", Json(new { current_password = oneTime, new_password = "e2e-admin-password-0123" }));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        // The password change renews the session cookie: take the antiforgery token that goes with it.
        var token = (await http.GetFromJsonAsync<JsonElement>("/api/antiforgery")).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
        return http;
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    [GeneratedRegex("one-time password ([A-Za-z0-9]+) ")]
    private static partial Regex OneTimePassword();
}
