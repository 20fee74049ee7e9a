using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Cli;

/// <summary>A real snmpd with two USM users: mon (SHA-256/AES-256, authPriv) and monauth (SHA, authNoPriv).</summary>
public sealed class CliSnmpdV3Fixture : IAsyncLifetime
{
    public const string AuthPassphrase = "auth-Phrase-7391";
    public const string PrivPassphrase = "priv-Phrase-2846";

    public SnmpdServer Snmpd { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Snmpd = await SnmpdServer.StartAsync(new SnmpdOptions
        {
            SysName = "tuong-lua",
            PassPersistRoot = CliSnmpdFixture.Root,
            PassPersistRows = CliSnmpdFixture.Rows,
            ExtraConfig =
            [
                $"createUser mon SHA-256 \"{AuthPassphrase}\" AES-256 \"{PrivPassphrase}\"",
                "rouser mon priv",
                $"createUser monauth SHA \"{AuthPassphrase}\"",
                "rouser monauth auth",
            ],
        });
    }

    public async Task DisposeAsync() => await Snmpd.DisposeAsync();
}
