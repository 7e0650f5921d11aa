namespace Agents.Platform.Workflows;

/// <summary>
/// The workflow rules of the configuration are invalid. The message lists every problem found, each starting with the
/// setting's path (<c>agents.workflows.rules.promote-good-models.tell: no agent 'validator-1' is defined</c>), so that
/// one start-up shows everything to fix.
/// </summary>
public sealed class WorkflowConfigurationException : Exception
{
    /// <summary>Creates the exception from its problems.</summary>
    /// <param name="problems">Each problem, starting with the setting's path.</param>
    public WorkflowConfigurationException(IReadOnlyList<string> problems)
        : base(Describe(problems)) =>
        Problems = problems;

    /// <summary>Each problem, starting with the setting's path.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return $"The workflow rules (agents.workflows.rules) are invalid, {count}:{Environment.NewLine}  - " +
            string.Join(Environment.NewLine + "  - ", problems);
    }
}
