using System.Text.Json;
using System.Text.Json.Serialization;

namespace SonLa.Monitor.Collector.History;

/// <summary>[unix_ms, value] in both directions: compact for a few hundred points, and what charting code expects.</summary>
public sealed class HistoryPointConverter : JsonConverter<HistoryPoint>
{
    public override HistoryPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("a point is [unix_ms, value]");
        }

        var time = reader.GetInt64();
        if (!reader.Read())
        {
            throw new JsonException("a point is [unix_ms, value]");
        }

        double? value = reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => reader.GetDouble(),
            _ => throw new JsonException("a point's value is a number or null"),
        };
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("a point is [unix_ms, value]");
        }

        return new HistoryPoint(time, value);
    }

    public override void Write(Utf8JsonWriter writer, HistoryPoint value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteNumberValue(value.UnixMs);
        if (value.Value is { } number && double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndArray();
    }
}
