namespace Agents.Cli.Management;

/// <summary>
/// A request to the node's management API failed; <see cref="Exception.Message"/> is the one-line reason the
/// console prints (node unreachable, token refused, not found, bad request, unexpected answer).
/// </summary>
internal sealed class ManagementException(string message, Exception? innerException = null) : Exception(message, innerException);
