namespace Agents.Actors;

/// <summary>The rules for actor names.</summary>
internal static class ActorNames
{
    // Letters, digits and the punctuation that is safe in a URI path segment; '*' and '?' are kept for
    // selection wildcards, '/' separates elements, '$' starts only generated names.
    private const string AllowedPunctuation = "-_.+:@&=,!~';$";

    public static void Validate(string name, ActorPath parent)
    {
        if (name.Length == 0)
        {
            throw new InvalidActorNameException($"An actor name under {parent} must not be empty; pass null to get a generated name.");
        }
        if (name[0] == '$')
        {
            throw new InvalidActorNameException(
                $"Actor name '{name}' under {parent} starts with '$', which is reserved for generated names; remove the '$' or pass null.");
        }
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterOrDigit(c) || AllowedPunctuation.Contains(c))
            {
                continue;
            }
            var what = c switch
            {
                '/' => "'/' (it separates path elements)",
                ' ' => "a space",
                _ when char.IsControl(c) => $"control character U+{(int)c:X4}",
                _ => $"'{c}'",
            };
            throw new InvalidActorNameException(
                $"Actor name '{name}' under {parent} contains {what} at position {i}. Use ASCII letters, digits and {AllowedPunctuation[..^1]}.");
        }
    }
}
