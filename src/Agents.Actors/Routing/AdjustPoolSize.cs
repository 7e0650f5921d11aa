namespace Agents.Actors.Routing;

/// <summary>
/// Grows a pool by <paramref name="Change"/> new routees, or shrinks it by removing the last
/// <c>-Change</c> routees (as <see cref="RemoveRoutee"/> does). Only pools handle it; a group publishes it
/// as unhandled.
/// </summary>
/// <param name="Change">How many routees to add (positive) or remove (negative).</param>
public sealed record AdjustPoolSize(int Change) : RouterManagementMessage;
