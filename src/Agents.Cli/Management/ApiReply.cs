namespace Agents.Cli.Management;

/// <summary>A successful answer of the management API: the typed body and the JSON it was read from.</summary>
/// <typeparam name="T">The body's type.</typeparam>
/// <param name="Value">The body, deserialized.</param>
/// <param name="Json">The body as the node sent it, for <c>--json</c>.</param>
internal sealed record ApiReply<T>(T Value, string Json);
