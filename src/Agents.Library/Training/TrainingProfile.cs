namespace Agents.Library.Training;

/// <summary>The loss curve a <see cref="TrainingRunAgent"/> runs when its settings name a <c>profile</c>.</summary>
public enum TrainingProfile
{
    /// <summary>Training and validation loss fall and settle on a plateau (a slight downward drift remains).</summary>
    Converges,

    /// <summary>Training loss keeps falling; validation loss reaches its minimum at about 30 % of the epochs, then rises.</summary>
    Overfits,

    /// <summary>Loss falls for about 10 % of the epochs, then grows geometrically until it is no longer a number.</summary>
    Diverges,
}
