namespace Agents.Actors.Routing;

/// <summary>
/// A message for the router itself rather than its routees (<see cref="GetRoutees"/>,
/// <see cref="AddRoutee"/>, <see cref="RemoveRoutee"/>, <see cref="AdjustPoolSize"/>). The router
/// handles these one at a time in its own mailbox, so a message routed right after one of them may still
/// see the routees as they were before it.
/// </summary>
public abstract record RouterManagementMessage;
