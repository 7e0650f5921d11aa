namespace Agents.Library.Optimization;

/// <summary>A search space is invalid; the message names the parameter, the field and the fix.</summary>
public sealed class SearchSpaceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="parameter">The parameter that is wrong; empty when the space itself is.</param>
    /// <param name="field">The field of the parameter that is wrong, such as <c>low</c> or <c>kind</c>; empty for the parameter as a whole.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public SearchSpaceException(string parameter, string field, string message)
        : base(string.IsNullOrEmpty(parameter)
            ? $"search space: {message}"
            : string.IsNullOrEmpty(field)
                ? $"search space, parameter '{parameter}': {message}"
                : $"search space, parameter '{parameter}', field '{field}': {message}")
    {
        Parameter = parameter;
        Field = field;
    }

    /// <summary>The parameter that is wrong; empty when the space itself is.</summary>
    public string Parameter { get; }

    /// <summary>The field that is wrong; empty for the parameter as a whole.</summary>
    public string Field { get; }

    /// <summary>The path of the wrong part below the space: <c>name.field</c>, <c>name</c>, or empty.</summary>
    public string Path => string.IsNullOrEmpty(Parameter) ? string.Empty : string.IsNullOrEmpty(Field) ? Parameter : $"{Parameter}.{Field}";
}
