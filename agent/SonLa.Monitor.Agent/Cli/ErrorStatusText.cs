using SonLa.Monitor.Snmp.Pdus;

namespace SonLa.Monitor.Agent.Cli;

/// <summary>
/// The "Reason" net-snmp's tools print for an error-status, so operators see the words they know
/// (e.g. "(noSuchName) There is no such variable name in this MIB.").
/// </summary>
internal static class ErrorStatusText
{
    public static string Describe(ErrorStatus status) => status switch
    {
        ErrorStatus.NoError => "(noError) No Error",
        ErrorStatus.TooBig => "(tooBig) Response message would have been too large.",
        ErrorStatus.NoSuchName => "(noSuchName) There is no such variable name in this MIB.",
        ErrorStatus.BadValue => "(badValue) The value given has the wrong type or length.",
        ErrorStatus.ReadOnly => "(readOnly) The two parties used do not have access to use the specified SNMP PDU.",
        ErrorStatus.GenErr => "(genError) A general failure occured",
        ErrorStatus.NoAccess => "noAccess",
        ErrorStatus.WrongType => "wrongType (The set datatype does not match the data type the agent expects)",
        ErrorStatus.WrongLength => "wrongLength (The set value has an illegal length from what the agent expects)",
        ErrorStatus.WrongEncoding => "wrongEncoding",
        ErrorStatus.WrongValue => "wrongValue (The set value is illegal or unsupported in some way)",
        ErrorStatus.NoCreation => "noCreation (That table does not support row creation or that object can not ever be created)",
        ErrorStatus.InconsistentValue => "inconsistentValue (The set value is illegal or unsupported in some way)",
        ErrorStatus.ResourceUnavailable => "resourceUnavailable (This is likely a out-of-memory failure within the agent)",
        ErrorStatus.CommitFailed => "commitFailed",
        ErrorStatus.UndoFailed => "undoFailed",
        ErrorStatus.AuthorizationError => "authorizationError (access denied to that object)",
        ErrorStatus.NotWritable => "notWritable (That object does not support modification)",
        ErrorStatus.InconsistentName => "inconsistentName (That object can not currently be created)",
        _ => $"(unknown error-status {(int)status})",
    };
}
