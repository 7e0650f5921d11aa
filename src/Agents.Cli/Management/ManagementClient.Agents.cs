using System.Globalization;
using System.Text;

namespace Agents.Cli.Management;

/// <summary>The agent routes (<c>/api/agents</c>).</summary>
internal sealed partial class ManagementClient
{
    /// <summary><c>GET /api/agents?type=T&amp;status=S</c>: the defined agents, optionally of one type and in one status.</summary>
    public Task<ApiReply<IReadOnlyList<AgentView>>> ListAgentsAsync(string? type, string? status, CancellationToken cancellationToken)
    {
        var query = new StringBuilder();
        if (!string.IsNullOrEmpty(type))
        {
            query.Append(query.Length == 0 ? '?' : '&').Append("type=").Append(Uri.EscapeDataString(type));
        }
        if (!string.IsNullOrEmpty(status))
        {
            query.Append(query.Length == 0 ? '?' : '&').Append("status=").Append(Uri.EscapeDataString(status));
        }
        return SendAsync<IReadOnlyList<AgentView>>(HttpMethod.Get, "api/agents" + query, null, cancellationToken);
    }

    /// <summary><c>GET /api/agents/{id}?events=N</c>: one agent with its last <paramref name="events"/> journal events.</summary>
    public Task<ApiReply<AgentView>> GetAgentAsync(string id, int events, CancellationToken cancellationToken) =>
        SendAsync<AgentView>(
            HttpMethod.Get, $"api/agents/{Uri.EscapeDataString(id)}?events={events.ToString(CultureInfo.InvariantCulture)}", null, cancellationToken);

    /// <summary><c>POST /api/agents</c> with <paramref name="definitionJson"/> as the body; needs the token.</summary>
    public Task<ApiReply<AgentView>> DefineAgentAsync(string definitionJson, CancellationToken cancellationToken) =>
        SendAsync<AgentView>(HttpMethod.Post, "api/agents", definitionJson, cancellationToken);

    /// <summary><c>POST /api/agents/{id}/{action}</c> (<c>activate</c>, <c>deactivate</c> or <c>restart</c>); needs the token.</summary>
    public Task<ApiReply<AgentView>> ChangeAgentAsync(string id, string action, CancellationToken cancellationToken) =>
        SendAsync<AgentView>(HttpMethod.Post, $"api/agents/{Uri.EscapeDataString(id)}/{action}", null, cancellationToken);

    /// <summary>
    /// <c>POST /api/agents/{id}/commands</c> with <paramref name="commandJson"/> (<c>{name, arguments, timeout}</c>); needs the token.
    /// The request may take <paramref name="wait"/> (how long the node waits for the agent) longer than other requests.
    /// </summary>
    public Task<ApiReply<AgentCommandReply>> TellAgentAsync(string id, string commandJson, TimeSpan wait, CancellationToken cancellationToken) =>
        SendAsync<AgentCommandReply>(HttpMethod.Post, $"api/agents/{Uri.EscapeDataString(id)}/commands", commandJson, cancellationToken, wait);
}
