using SonLa.Monitor.Snmp.Formatting;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Cli;

/// <summary>Writes varbinds as net-snmp's -On text or as one JSON object a line (the engine's formatters).</summary>
internal sealed class VarBindPrinter(TextWriter output, bool json)
{
    public void Write(VarBind varBind)
    {
        output.Write(json ? JsonVarBindWriter.ToJson(varBind) : NetSnmpFormatter.Format(varBind));
        // '\n' as net-snmp writes it; multi-line Hex-STRINGs already use '\n' inside.
        output.Write('\n');
    }
}
