using SonLa.Monitor.Collector.History;

namespace SonLa.Monitor.Collector.Tests.History;

/// <summary>Quoting of InfluxQL literals and the text of the history queries.</summary>
public class InfluxQlTests
{
    [Theory]
    [InlineData("router", "'router'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"a\b", @"'a\\b'")]
    [InlineData(@"\'", @"'\\\''")]
    [InlineData("a\nb", @"'a\nb'")]
    [InlineData("Xã Chiềng Cơi", "'Xã Chiềng Cơi'")]
    [InlineData("", "''")]
    public void String_QuotesAndEscapes(string value, string expected) => Assert.Equal(expected, InfluxQl.String(value));

    [Theory]
    [InlineData("in_bps", "\"in_bps\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    public void Identifier_QuotesAndEscapes(string name, string expected) => Assert.Equal(expected, InfluxQl.Identifier(name));

    [Fact]
    public void String_NoUnescapedQuoteOrRawNewlineInside_WhateverTheValue()
    {
        foreach (var value in new[] { "'", "''", "\\'", "\\\\'", "x' OR '1'='1", "a\nb", "\\", "'\n'", "\\\n" })
        {
            var literal = InfluxQl.String(value);
            Assert.StartsWith("'", literal, StringComparison.Ordinal);
            Assert.EndsWith("'", literal, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', literal);
            Assert.Equal(value, Unquote(literal));
        }
    }

    [Fact]
    public void String_RefusesACarriageReturn_WhichNoLiteralCanHold() =>
        Assert.Throws<ArgumentException>(() => InfluxQl.String("router\r"));

    [Fact]
    public void TrafficQuery_IsOneStatementWithEveryValueQuoted()
    {
        var from = new DateTimeOffset(2026, 11, 27, 6, 35, 30, TimeSpan.Zero);
        var request = new HistoryRequest("chieng-coi", "traffic", HistoryRange.Hour, "r'; DROP", "2");
        Assert.Equal(
            "SELECT mean(\"in_bps\") AS \"in_bps\", mean(\"out_bps\") AS \"out_bps\" FROM \"interface\" WHERE \"site\" = 'chieng-coi'"
            + " AND \"device\" = 'r\\'; DROP' AND \"if_index\" = '2' AND time >= '2026-11-27T06:35:30.000Z' AND time < '2026-11-27T07:35:30.000Z'"
            + " GROUP BY time(30s) fill(null)",
            HistoryQueries.History(request, from, from.AddHours(1)));
    }

    [Fact]
    public void LatencyQuery_DevicesThenPingTargets_OnlyDevicesWhenOneIsAsked()
    {
        var from = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        var all = HistoryQueries.History(new HistoryRequest("s", "latency", HistoryRange.Day, null, null), from, from.AddDays(1));
        Assert.Equal(
            "SELECT mean(\"response_ms\") AS \"response_ms\" FROM \"device\" WHERE \"site\" = 's' AND time >= '2026-11-27T00:00:00.000Z'"
            + " AND time < '2026-11-28T00:00:00.000Z' GROUP BY time(300s), \"device\" fill(null);"
            + " SELECT mean(\"rtt_ms\") AS \"rtt_ms\" FROM \"ping\" WHERE \"site\" = 's' AND time >= '2026-11-27T00:00:00.000Z'"
            + " AND time < '2026-11-28T00:00:00.000Z' GROUP BY time(300s), \"target\" fill(null)",
            all);
        var one = HistoryQueries.History(new HistoryRequest("s", "latency", HistoryRange.Week, "ups", null), from, from.AddDays(7));
        Assert.Contains("AND \"device\" = 'ups' AND", one, StringComparison.Ordinal);
        Assert.Contains("time(1800s)", one, StringComparison.Ordinal);
        Assert.DoesNotContain("ping", one, StringComparison.Ordinal);
    }

    [Fact]
    public void EventsQuery_NewestFirstWithLimit()
    {
        var since = new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            "SELECT \"message\", \"site\", \"device\", \"kind\" FROM \"event\" WHERE time >= '2026-11-20T07:00:00.000Z'"
            + " AND \"site\" = 'chieng-coi' AND \"kind\" = 'link\\'down' ORDER BY time DESC LIMIT 50",
            HistoryQueries.Events(new EventRequest("chieng-coi", since, "link'down", 50)));
        Assert.Equal(
            "SELECT \"message\", \"site\", \"device\", \"kind\" FROM \"event\" WHERE time >= '2026-11-20T07:00:00.000Z' ORDER BY time DESC LIMIT 100",
            HistoryQueries.Events(new EventRequest(null, since, null, 100)));
    }

    // InfluxQL's own reading of a literal (its scanner's escapes), to check that quoting round-trips.
    private static string Unquote(string literal)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 1; i < literal.Length - 1; i++)
        {
            var c = literal[i];
            Assert.NotEqual('\'', c);
            if (c == '\\')
            {
                var next = literal[++i];
                text.Append(next switch { 'n' => '\n', '\\' => '\\', '\'' => '\'', '"' => '"', _ => throw new InvalidOperationException("bad escape") });
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
