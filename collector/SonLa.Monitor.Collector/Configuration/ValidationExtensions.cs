using Microsoft.Extensions.Options;

namespace SonLa.Monitor.Collector.Configuration;

internal static class ValidationExtensions
{
    /// <summary>Adds "Key:Path: message", the one-line form the start-up error report prints.</summary>
    public static void AddKeyError(this ValidateOptionsResultBuilder builder, string message, string key) =>
        builder.AddError($"{key}: {message}");
}
