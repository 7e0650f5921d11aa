namespace Agents.Platform.Agents;

/// <summary>The rules for agent ids and type names: ASCII letters, digits, '-', '_' and '.', starting with a letter or digit.</summary>
public static class AgentNames
{
    /// <summary>The longest id or type name.</summary>
    /// <value>128 characters.</value>
    public const int MaxLength = 128;

    /// <summary>Whether <paramref name="name"/> is a valid agent id or type name.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || !char.IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The persistence id of the agent <paramref name="agentId"/>'s own events.</summary>
    public static string PersistenceId(string agentId) => "agent-" + agentId;
}
