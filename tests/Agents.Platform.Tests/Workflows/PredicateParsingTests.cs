using Agents.Platform.Workflows.Predicates;
using Agents.Platform.Workflows;

namespace Agents.Platform.Tests.Workflows;

public sealed class PredicateParsingTests
{
    private static PredicateSyntaxException Error(string predicate) =>
        Assert.Throws<PredicateSyntaxException>(() => WorkflowPredicate.Parse(predicate));

    [Fact]
    public void A_missing_value_after_an_operator_names_the_column_and_the_operator()
    {
        var error = Error("accuracy > ");

        Assert.Equal(12, error.Column);
        Assert.Equal("column 12: expected a value after '>'", error.Message);
    }

    [Fact]
    public void A_wrong_token_after_an_operator_is_named()
    {
        var error = Error("accuracy > and");

        Assert.Equal(12, error.Column);
        Assert.Contains("found the keyword 'and'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_predicate_expects_a_condition() => Assert.Equal("column 1: expected a condition, such as accuracy > 0.9", Error("  ").Message);

    [Fact]
    public void An_unclosed_parenthesis_names_where_it_opened()
    {
        var error = Error("(a > 1 and b < 2");

        Assert.Equal(17, error.Column);
        Assert.Contains("')' to close the '(' at column 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_closing_parenthesis_is_refused() => Assert.Equal(6, Error("a > 1)").Column);

    [Fact]
    public void An_unterminated_string_names_where_it_starts()
    {
        var error = Error("model == 'resnet");

        Assert.Equal(10, error.Column);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_conditions_without_and_or_are_refused()
    {
        var error = Error("a > 1 b > 2");

        Assert.Equal(7, error.Column);
        Assert.Contains("'and', 'or' or the end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_character_is_named() => Assert.Equal("column 3: unexpected character '#'", Error("a # 1").Message);

    [Fact]
    public void A_single_ampersand_suggests_the_double_one() => Assert.Contains("'&&'", Error("a & b").Message, StringComparison.Ordinal);

    [Fact]
    public void A_list_needs_brackets() => Assert.Contains("'[' after 'in'", Error("a in 1, 2").Message, StringComparison.Ordinal);

    [Fact]
    public void A_list_needs_commas_between_items()
    {
        var error = Error("a in [1 2]");

        Assert.Equal(9, error.Column);
        Assert.Contains("',' or ']'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exists_needs_a_path() => Assert.Contains("field path in exists", Error("exists(1)").Message, StringComparison.Ordinal);

    [Fact]
    public void Exists_needs_parentheses() => Assert.Contains("'(' after 'exists'", Error("exists a").Message, StringComparison.Ordinal);

    [Fact]
    public void A_dot_needs_a_field_name_after_it() => Assert.Equal(10, Error("metrics. > 1").Column);

    [Fact]
    public void An_index_must_be_a_whole_number_or_a_quoted_name() => Assert.Contains("array index", Error("items[1.5] == 1").Message, StringComparison.Ordinal);

    [Fact]
    public void An_unknown_event_field_lists_the_known_ones() =>
        Assert.Equal("column 1: '$offset' is not an event field: use $topic or $publisher", Error("$offset == 1").Message);

    [Fact]
    public void A_literal_alone_is_not_a_condition() => Assert.Contains("expected a comparison", Error("5").Message, StringComparison.Ordinal);

    [Fact]
    public void Not_needs_a_condition_after_it() => Assert.Contains("a condition after 'not'", Error("a > 1 and not").Message, StringComparison.Ordinal);

    [Fact]
    public void A_number_glued_to_letters_is_refused() => Assert.Contains("neither a number nor a field name", Error("a > 12abc").Message, StringComparison.Ordinal);

    [Fact]
    public void An_unknown_escape_in_a_string_is_refused() => Assert.Contains("unknown escape", Error("a == 'x\\q'").Message, StringComparison.Ordinal);
}
