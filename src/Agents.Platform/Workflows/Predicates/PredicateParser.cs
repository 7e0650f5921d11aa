namespace Agents.Platform.Workflows.Predicates;

/// <summary>
/// Parses the predicate language by recursive descent into a tree of <see cref="PredicateNode"/>s:
/// <code>
/// predicate  := or
/// or         := and (('or' | '||') and)*
/// and        := unary (('and' | '&amp;&amp;') unary)*
/// unary      := ('not' | '!') unary | '(' or ')' | 'exists' '(' path ')' | condition
/// condition  := operand [ ('==' | '=' | '!=' | '&lt;&gt;' | '&gt;' | '&gt;=' | '&lt;' | '&lt;=') operand
///                       | ['not'] 'in' '[' [operand (',' operand)*] ']'
///                       | 'contains' operand ]
/// operand    := number | string | 'true' | 'false' | 'null' | '$topic' | '$publisher' | path
/// path       := (name | '[' index-or-string ']') ('.' name | '[' index-or-string ']')*
/// </code>
/// Keywords ignore case.
/// </summary>
internal sealed class PredicateParser
{
    private static readonly string[] Keywords = ["and", "or", "not", "in", "contains", "exists", "true", "false", "null"];

    private readonly List<PredicateToken> _tokens;
    private int _position;

    private PredicateParser(List<PredicateToken> tokens) => _tokens = tokens;

    private PredicateToken Current => _tokens[_position];

    private PredicateToken Previous => _tokens[_position - 1];

    public static PredicateNode Parse(string text)
    {
        var parser = new PredicateParser(PredicateLexer.Tokenize(text));
        if (parser.Current.Kind == PredicateTokenKind.End)
        {
            throw new PredicateSyntaxException(1, "expected a condition, such as accuracy > 0.9");
        }

        var root = parser.ParseOr();
        if (parser.Current.Kind != PredicateTokenKind.End)
        {
            throw parser.Current.Kind == PredicateTokenKind.RightParen
                ? new PredicateSyntaxException(parser.Current.Column, "unexpected ')': it closes no '('")
                : parser.Expected($"'and', 'or' or the end after a complete condition, but found {parser.Current.Describe()}");
        }

        return root;
    }

    private PredicateNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.Is("or") || Current.Kind == PredicateTokenKind.OrOr)
        {
            _position++;
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private PredicateNode ParseAnd()
    {
        var left = ParseUnary();
        while (Current.Is("and") || Current.Kind == PredicateTokenKind.AndAnd)
        {
            _position++;
            left = new AndNode(left, ParseUnary());
        }

        return left;
    }

    private PredicateNode ParseUnary()
    {
        var token = Current;
        if (token.Is("not") || token.Kind == PredicateTokenKind.Bang)
        {
            _position++;
            RequireCondition(token);
            return new NotNode(ParseUnary());
        }

        if (token.Kind == PredicateTokenKind.LeftParen)
        {
            _position++;
            RequireCondition(token);
            var inner = ParseOr();
            if (Current.Kind != PredicateTokenKind.RightParen)
            {
                throw Expected($"')' to close the '(' at column {token.Column}, but found {Current.Describe()}");
            }

            _position++;
            return inner;
        }

        if (token.Is("exists"))
        {
            return ParseExists();
        }

        return ParseCondition();
    }

    private void RequireCondition(PredicateToken after)
    {
        if (Current.Kind is PredicateTokenKind.End or PredicateTokenKind.RightParen || Current.Is("and") || Current.Is("or")
            || Current.Kind is PredicateTokenKind.AndAnd or PredicateTokenKind.OrOr)
        {
            throw Expected($"a condition after '{after.Text}'{Found()}");
        }
    }

    private ExistsNode ParseExists()
    {
        _position++;
        Expect(PredicateTokenKind.LeftParen, "'(' after 'exists'");
        if (Current.Kind != PredicateTokenKind.Word && Current.Kind != PredicateTokenKind.LeftBracket || IsKeyword(Current))
        {
            throw Expected($"a field path in exists(...), such as exists(metrics.val_loss){Found()}");
        }

        var path = ParsePath();
        Expect(PredicateTokenKind.RightParen, "')' to close exists(");
        return new ExistsNode(path);
    }

    private PredicateNode ParseCondition()
    {
        var start = Current;
        var left = ParseOperand(null);
        var token = Current;
        if (Operator(token.Kind) is { } op)
        {
            _position++;
            return new ComparisonNode(left, op, ParseOperand(token));
        }

        if (token.Is("in"))
        {
            _position++;
            return new InNode(left, ParseList(token), negated: false);
        }

        if (token.Is("not") && _position + 1 < _tokens.Count && _tokens[_position + 1].Is("in"))
        {
            _position += 2;
            return new InNode(left, ParseList(Previous), negated: true);
        }

        if (token.Is("contains"))
        {
            _position++;
            return new ContainsNode(left, ParseOperand(token));
        }

        if (!left.CanBeCondition)
        {
            throw new PredicateSyntaxException(token.Column,
                $"expected a comparison (==, !=, >, >=, <, <=, in, contains) after {start.Describe()}{Found()}");
        }

        return new TruthNode(left);
    }

    private static ComparisonOperator? Operator(PredicateTokenKind kind) => kind switch
    {
        PredicateTokenKind.Equal => ComparisonOperator.Equal,
        PredicateTokenKind.NotEqual => ComparisonOperator.NotEqual,
        PredicateTokenKind.Greater => ComparisonOperator.Greater,
        PredicateTokenKind.GreaterOrEqual => ComparisonOperator.GreaterOrEqual,
        PredicateTokenKind.Less => ComparisonOperator.Less,
        PredicateTokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
        _ => null,
    };

    private List<PredicateOperand> ParseList(PredicateToken keyword)
    {
        Expect(PredicateTokenKind.LeftBracket, $"'[' after '{keyword.Text}', as in status in ['done', 'failed']");
        var items = new List<PredicateOperand>();
        if (Current.Kind == PredicateTokenKind.RightBracket)
        {
            _position++;
            return items;
        }

        while (true)
        {
            items.Add(ParseOperand(Previous));
            if (Current.Kind == PredicateTokenKind.RightBracket)
            {
                _position++;
                return items;
            }

            Expect(PredicateTokenKind.Comma, "',' or ']' in the list");
        }
    }

    private PredicateOperand ParseOperand(PredicateToken? after)
    {
        var token = Current;
        switch (token.Kind)
        {
            case PredicateTokenKind.Number:
                _position++;
                return new PredicateLiteral(PredicateValue.Of(token.Number));
            case PredicateTokenKind.String:
                _position++;
                return new PredicateLiteral(PredicateValue.Of(token.Text));
            case PredicateTokenKind.EventField:
                _position++;
                return EventField.Named(token.Text)
                    ?? throw new PredicateSyntaxException(token.Column, $"'${token.Text}' is not an event field: use {EventField.Names}");
            case PredicateTokenKind.Word when token.Is("true"):
                _position++;
                return new PredicateLiteral(PredicateValue.Of(true));
            case PredicateTokenKind.Word when token.Is("false"):
                _position++;
                return new PredicateLiteral(PredicateValue.Of(false));
            case PredicateTokenKind.Word when token.Is("null"):
                _position++;
                return new PredicateLiteral(PredicateValue.Null);
            case PredicateTokenKind.Word when !IsKeyword(token):
            case PredicateTokenKind.LeftBracket:
                return ParsePath();
            default:
                var what = after is { } a ? $"a value after '{a.Text}'" : "a condition";
                throw Expected(IsKeyword(token)
                    ? $"{what}, but found the keyword '{token.Text}' (a field of that name is written [\"{token.Text}\"])"
                    : $"{what}{Found()}");
        }
    }

    private FieldPath ParsePath()
    {
        var segments = new List<FieldPath.Segment>();
        if (Current.Kind == PredicateTokenKind.Word)
        {
            segments.Add(new FieldPath.Segment(Current.Text, 0));
            _position++;
        }
        else
        {
            segments.Add(ParseBracket());
        }

        while (true)
        {
            if (Current.Kind == PredicateTokenKind.Dot)
            {
                _position++;
                if (Current.Kind != PredicateTokenKind.Word)
                {
                    throw Expected($"a field name after '.'{Found()}");
                }

                segments.Add(new FieldPath.Segment(Current.Text, 0));
                _position++;
            }
            else if (Current.Kind == PredicateTokenKind.LeftBracket)
            {
                segments.Add(ParseBracket());
            }
            else
            {
                return new FieldPath(segments);
            }
        }
    }

    private FieldPath.Segment ParseBracket()
    {
        _position++;
        var token = Current;
        FieldPath.Segment segment;
        if (token.Kind == PredicateTokenKind.Number && token.Number >= 0 && token.Number <= int.MaxValue && token.Number == Math.Floor(token.Number)
            && !token.Text.Contains('.', StringComparison.Ordinal) && !token.Text.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            segment = new FieldPath.Segment(null, (int)token.Number);
        }
        else if (token.Kind == PredicateTokenKind.String)
        {
            segment = new FieldPath.Segment(token.Text, 0);
        }
        else
        {
            throw Expected($"an array index (0, 1, ...) or a quoted field name after '['{Found()}");
        }

        _position++;
        Expect(PredicateTokenKind.RightBracket, "']'");
        return segment;
    }

    private void Expect(PredicateTokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Expected(what + Found());
        }

        _position++;
    }

    private string Found() => Current.Kind == PredicateTokenKind.End ? "" : $", but found {Current.Describe()}";

    private PredicateSyntaxException Expected(string what) => new(Current.Column, "expected " + what);

    private static bool IsKeyword(PredicateToken token) =>
        token.Kind == PredicateTokenKind.Word && Keywords.Any(token.Is);
}
