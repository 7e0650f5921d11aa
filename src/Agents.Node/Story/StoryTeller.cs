using System.Text.Json;
using Agents.Actors;
using Agents.Persistence.Serialization;
using Agents.Platform.Topics;

namespace Agents.Node.Story;

/// <summary>
/// The actor that tells the story of the node's agents: it subscribes live to the story topics
/// (<see cref="StoryLines.Topics"/>) and writes one line per told event (<see cref="StoryNarrator"/>) to a
/// <see cref="StoryWriter"/>. Live, not durable: the story is what happens while a person watches; the topic log keeps
/// everything else (<c>agents topic tail '#' --from-beginning</c>).
/// </summary>
internal sealed class StoryTeller : ReceiveActor
{
    /// <summary>The actor's name under <c>/system</c>, also the id of its subscription.</summary>
    /// <value><c>story</c></value>
    public const string Name = "story";

    private readonly StoryNarrator _narrator = new();
    private readonly StoryWriter _writer;
    private IDisposable? _subscription;

    public StoryTeller(StoryWriter writer)
    {
        _writer = writer;
        Receive<TopicEvent>(Tell);
    }

    /// <summary>Starts the story teller in <paramref name="system"/>, which must have its topic service.</summary>
    public static IActorRef Start(ActorSystem system, StoryWriter writer) =>
        system.SystemActorOf(Props.Create(() => new StoryTeller(writer)), Name);

    protected override void PreStart() =>
        _subscription = Context.System.Topics().SubscribeLive(Name, StoryLines.Topics, Self);

    protected override void PostStop() => _subscription?.Dispose();

    private void Tell(TopicEvent topicEvent)
    {
        if (PayloadOf(topicEvent.Envelope.Payload) is { } payload && _narrator.Tell(topicEvent.Envelope.Topic, payload) is { } line)
        {
            _writer.Write(line);
        }
    }

    /// <summary>The payload as JSON: a published document as it is, a typed event as the journal stores it (web defaults).</summary>
    private static JsonElement? PayloadOf(object payload)
    {
        try
        {
            return payload switch
            {
                JsonPayload json => json.Document,
                JsonElement element => element,
                _ => JsonSerializer.SerializeToElement(payload, payload.GetType(), JsonSerializerOptions.Web),
            };
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
