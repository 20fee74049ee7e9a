namespace SonLa.Monitor.Protocol.Compact;

/// <summary>The value type of one field column; numbers are the format's, never renumber.</summary>
public enum FieldKind : byte
{
    Double = 1,
    Int = 2,
    UInt = 3,
    String = 4,
    Bool = 5,
}
