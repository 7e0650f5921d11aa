namespace Agents.Hocon;

/// <summary>The JSON number grammar, as HOCON uses it (leading zeros are tolerated like the reference implementation).</summary>
internal static class NumberText
{
    /// <summary>Checks <paramref name="text"/> is a number; integers that fit a long are returned in <paramref name="integer"/>.</summary>
    public static bool IsNumber(ReadOnlySpan<char> text, out bool isInteger, out long integer)
    {
        isInteger = false;
        integer = 0;
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] == '-')
        {
            negative = true;
            i++;
        }
        var intDigits = 0;
        ulong magnitude = 0;
        var overflow = false;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            var digit = (uint)(text[i] - '0');
            if (magnitude > (ulong.MaxValue - digit) / 10)
            {
                overflow = true;
            }
            else
            {
                magnitude = magnitude * 10 + digit;
            }
            intDigits++;
            i++;
        }
        var fracDigits = 0;
        var hasFraction = false;
        if (i < text.Length && text[i] == '.')
        {
            hasFraction = true;
            i++;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                fracDigits++;
                i++;
            }
        }
        if (intDigits + fracDigits == 0)
        {
            return false;
        }
        var hasExponent = false;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            hasExponent = true;
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }
            var expDigits = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                expDigits++;
                i++;
            }
            if (expDigits == 0)
            {
                return false;
            }
        }
        if (i != text.Length)
        {
            return false;
        }
        if (!hasFraction && !hasExponent && !overflow)
        {
            if (negative && magnitude <= 9223372036854775808UL)
            {
                isInteger = true;
                integer = magnitude == 9223372036854775808UL ? long.MinValue : -(long)magnitude;
            }
            else if (!negative && magnitude <= long.MaxValue)
            {
                isInteger = true;
                integer = (long)magnitude;
            }
        }
        return true;
    }

    /// <summary>True when <paramref name="integer"/> prints exactly as <paramref name="text"/>, so the text need not be kept.</summary>
    public static bool IsCanonical(ReadOnlySpan<char> text, long integer)
    {
        if (text.Length == 0)
        {
            return false;
        }
        if (text[0] == '-')
        {
            return integer < 0 && text.Length > 1 && text[1] != '0';
        }
        return text[0] != '0' || text.Length == 1;
    }
}
