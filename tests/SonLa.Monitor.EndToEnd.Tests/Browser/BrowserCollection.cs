namespace SonLa.Monitor.EndToEnd.Tests.Browser;

/// <summary>
/// Browser tests run one at a time (each drives a Chromium and a whole stack on a 2-core machine) and share one
/// <see cref="DashboardFixture"/> stack for the tests that only look.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Browser";
}
