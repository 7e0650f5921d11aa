namespace Agents.Library.Optimization;

/// <summary>How a search parameter's values are distributed, and how it is encoded in the unit cube.</summary>
public enum SearchParameterKind
{
    /// <summary><c>log_uniform</c>: a positive real between <c>low</c> and <c>high</c>, uniform in its logarithm (learning rates).</summary>
    LogUniform,

    /// <summary><c>uniform</c>: a real between <c>low</c> and <c>high</c>.</summary>
    Uniform,

    /// <summary><c>int</c>: a whole number between <c>low</c> and <c>high</c>, both included.</summary>
    Int,

    /// <summary><c>choice</c>: one of the listed <c>values</c> (any JSON), one-hot encoded.</summary>
    Choice,
}
