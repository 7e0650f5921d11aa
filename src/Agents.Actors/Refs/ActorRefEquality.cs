namespace Agents.Actors;

/// <summary>The equality all runtime refs share: same path and same uid.</summary>
internal static class ActorRefEquality
{
    public static bool Equals(IActorRef self, IActorRef? other) =>
        ReferenceEquals(self, other) ||
        (other is not null && self.Path.Uid == other.Path.Uid && self.Path.Equals(other.Path));

    public static int GetHashCode(IActorRef self) => HashCode.Combine(self.Path.GetHashCode(), self.Path.Uid);
}
