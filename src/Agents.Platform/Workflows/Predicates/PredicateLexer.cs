using System.Globalization;
using System.Text;

namespace Agents.Platform.Workflows.Predicates;

/// <summary>Splits a predicate into tokens, all at once (predicates are short and parsed once per rule).</summary>
internal static class PredicateLexer
{
    public static List<PredicateToken> Tokenize(string text)
    {
        var tokens = new List<PredicateToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                tokens.Add(new PredicateToken(PredicateTokenKind.End, "", i + 1));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (char.IsAsciiLetter(c) || c == '_')
            {
                i = ReadWord(text, i);
                tokens.Add(new PredicateToken(PredicateTokenKind.Word, text[start..i], start + 1));
            }
            else if (c == '$')
            {
                i = ReadWord(text, i + 1);
                if (i == start + 1)
                {
                    throw new PredicateSyntaxException(start + 1, "expected an event field name after '$' ($topic or $publisher)");
                }

                tokens.Add(new PredicateToken(PredicateTokenKind.EventField, text[(start + 1)..i], start + 1));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = ReadNumber(text, i, out var number);
                tokens.Add(new PredicateToken(PredicateTokenKind.Number, text[start..i], start + 1, number));
            }
            else if (c is '\'' or '"')
            {
                i = ReadString(text, i, out var value);
                tokens.Add(new PredicateToken(PredicateTokenKind.String, value, start + 1));
            }
            else
            {
                var (kind, length) = Symbol(text, i);
                tokens.Add(new PredicateToken(kind, text.Substring(i, length), start + 1));
                i += length;
            }
        }
    }

    private static int ReadWord(string text, int i)
    {
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
        {
            i++;
        }

        return i;
    }

    private static int ReadNumber(string text, int start, out double number)
    {
        var i = start;
        if (text[i] == '-')
        {
            i++;
        }

        i = Digits(text, i);
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i = Digits(text, i + 1);
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (exponent < text.Length && text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent >= text.Length || !char.IsAsciiDigit(text[exponent]))
            {
                throw new PredicateSyntaxException(exponent + 1, $"expected the digits of the exponent of '{text[start..i]}e'");
            }

            i = Digits(text, exponent);
        }

        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            throw new PredicateSyntaxException(start + 1,
                $"'{text[start..ReadWord(text, i)]}' is neither a number nor a field name (field names start with a letter or '_')");
        }

        number = double.Parse(text.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        return i;
    }

    private static int Digits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int ReadString(string text, int start, out string value)
    {
        var quote = text[start];
        var builder = new StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote)
            {
                value = builder.ToString();
                return i + 1;
            }

            if (c == '\\')
            {
                if (i + 1 == text.Length)
                {
                    break;
                }

                var escaped = text[i + 1];
                builder.Append(escaped switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '\\' or '\'' or '"' => escaped,
                    _ => throw new PredicateSyntaxException(i + 1,
                        $"unknown escape '\\{escaped}' in a string (use \\\\, \\', \\\", \\n, \\t or \\r)"),
                });
                i += 2;
                continue;
            }

            builder.Append(c);
            i++;
        }

        throw new PredicateSyntaxException(start + 1, $"the string starting here is never closed: expected a closing {quote}");
    }

    private static (PredicateTokenKind Kind, int Length) Symbol(string text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return text[i] switch
        {
            '(' => (PredicateTokenKind.LeftParen, 1),
            ')' => (PredicateTokenKind.RightParen, 1),
            '[' => (PredicateTokenKind.LeftBracket, 1),
            ']' => (PredicateTokenKind.RightBracket, 1),
            ',' => (PredicateTokenKind.Comma, 1),
            '.' => (PredicateTokenKind.Dot, 1),
            '=' => (PredicateTokenKind.Equal, next == '=' ? 2 : 1),
            '!' => next == '=' ? (PredicateTokenKind.NotEqual, 2) : (PredicateTokenKind.Bang, 1),
            '<' when next == '>' => (PredicateTokenKind.NotEqual, 2),
            '<' => next == '=' ? (PredicateTokenKind.LessOrEqual, 2) : (PredicateTokenKind.Less, 1),
            '>' => next == '=' ? (PredicateTokenKind.GreaterOrEqual, 2) : (PredicateTokenKind.Greater, 1),
            '&' when next == '&' => (PredicateTokenKind.AndAnd, 2),
            '|' when next == '|' => (PredicateTokenKind.OrOr, 2),
            var c => throw new PredicateSyntaxException(i + 1, c is '&' or '|'
                ? $"unexpected '{c}': write '{c}{c}' (or '{(c == '&' ? "and" : "or")}')"
                : $"unexpected character '{c}'"),
        };
    }
}
