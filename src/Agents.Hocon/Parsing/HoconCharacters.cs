using System.Buffers;
using System.Runtime.CompilerServices;

namespace Agents.Hocon.Parsing;

/// <summary>Character classes of HOCON's lexical rules.</summary>
internal static class HoconCharacters
{
    public const byte Whitespace = 1;      // whitespace other than '\n'
    public const byte Newline = 2;         // '\n' only
    public const byte Forbidden = 4;       // ends an unquoted string: $ " { } [ ] : = , + # ` ^ ? ! @ * & \
    public const byte Slash = 8;           // '/', which ends an unquoted string only as "//"
    public const byte NumberChar = 16;     // 0-9 e E + - .

    /// <summary>Stops an unquoted string: whitespace, newline or a forbidden character.</summary>
    public const byte StopsUnquoted = Whitespace | Newline | Forbidden;

    private static readonly byte[] Ascii = BuildAscii();

    /// <summary>What may not appear raw in a quoted string: the closing quote, escapes and control characters.</summary>
    public static readonly SearchValues<char> QuotedStringStops = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private static byte[] BuildAscii()
    {
        var table = new byte[128];
        foreach (var c in " \t\v\f\r\u001C\u001D\u001E\u001F")
        {
            table[c] |= Whitespace;
        }
        table['\n'] |= Newline;
        foreach (var c in "$\"{}[]:=,+#`^?!@*&\\")
        {
            table[c] |= Forbidden;
        }
        table['/'] |= Slash;
        foreach (var c in "0123456789eE+-.")
        {
            table[c] |= NumberChar;
        }
        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte ClassOf(char c) => c < 128 ? Ascii[c] : (IsUnicodeWhitespace(c) ? Whitespace : (byte)0);

    /// <summary>Whitespace other than '\n': Unicode Zs/Zl/Zp, the BOM and ASCII control whitespace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsInlineWhitespace(char c) => c < 128 ? (Ascii[c] & Whitespace) != 0 : IsUnicodeWhitespace(c);

    /// <summary>Any whitespace, including '\n'.</summary>
    public static bool IsWhitespace(char c) => c < 128 ? (Ascii[c] & (Whitespace | Newline)) != 0 : IsUnicodeWhitespace(c);

    public static bool IsUnicodeWhitespace(char c) =>
        c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' ||
        c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNumberChar(char c) => c < 128 && (Ascii[c] & NumberChar) != 0;

    /// <summary>True when <paramref name="c"/> is one of HOCON's forbidden (reserved) characters.</summary>
    public static bool IsForbidden(char c) => c < 128 && (Ascii[c] & Forbidden) != 0;

    /// <summary>Describes a character for error messages.</summary>
    public static string Describe(char c) => c switch
    {
        '\n' => "a newline",
        '\'' => "\"'\"",
        _ when char.IsControl(c) || IsWhitespace(c) => $"'\\u{(int)c:X4}'",
        _ => $"'{c}'",
    };
}
