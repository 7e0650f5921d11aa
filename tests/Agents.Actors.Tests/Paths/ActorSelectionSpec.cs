using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Paths;

public sealed class ActorSelectionSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed class Node : ReceiveActor
    {
        public Node(params string[] children)
        {
            foreach (var child in children)
            {
                Context.ActorOf(Props.Create(() => new Node()), child);
            }
            Receive<string>(s => s.StartsWith("select ", StringComparison.Ordinal), s => Context.ActorSelection(s[7..]).Tell("ping", Sender));
            Receive<string>(s => Sender.Tell($"{Self.Path.Name}:{s}", Self));
        }
    }

    private void CreateTree()
    {
        ActorOf(() => new Node("w1", "w2", "other"), "pool");
        ActorOf(() => new Node(), "sibling");
        Settle();
    }

    [Fact]
    public void An_absolute_path_selects_the_actor()
    {
        CreateTree();

        Sys.ActorSelection("/user/pool/w1").Tell("hi", TestActor);

        ExpectMsg("w1:hi");
    }

    [Fact]
    public void A_full_address_selects_the_actor()
    {
        CreateTree();

        Sys.ActorSelection("agents://test/user/sibling").Tell("hi", TestActor);

        ExpectMsg("sibling:hi");
    }

    [Fact]
    public void A_relative_path_is_resolved_from_the_actor()
    {
        CreateTree();

        Sys.ActorSelection("/user/pool/w1").Tell("select ../w2", TestActor);

        ExpectMsg("w2:ping");
    }

    [Fact]
    public void A_wildcard_selects_every_matching_child()
    {
        CreateTree();

        Sys.ActorSelection("/user/pool/w*").Tell("hi", TestActor);

        Assert.Equal(["w1:hi", "w2:hi"], ReceiveN(2).Cast<string>().Order());
        ExpectNoMsg();
    }

    [Fact]
    public void Identify_returns_the_ref_of_a_live_actor()
    {
        CreateTree();

        Sys.ActorSelection("/user/sibling").Tell(new Identify(1), TestActor);

        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal(1, identity.MessageId);
        Assert.Equal("sibling", identity.Subject!.Path.Name);
    }

    [Fact]
    public void Identify_of_a_missing_actor_returns_an_empty_identity()
    {
        CreateTree();

        Sys.ActorSelection("/user/missing").Tell(new Identify("x"), TestActor);

        Assert.Null(ExpectMsg<ActorIdentity>().Subject);
    }

    [Fact]
    public async Task ResolveOne_fails_when_nothing_matches()
    {
        CreateTree();

        var error = await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/pool/nope").ResolveOne(TimeSpan.FromSeconds(1)));

        Assert.Contains("/user/pool/nope", error.Message);
    }

    [Fact]
    public async Task ResolveOne_returns_the_ref()
    {
        CreateTree();

        var found = await Sys.ActorSelection("/user/pool/w2").ResolveOne(TimeSpan.FromSeconds(1));

        Assert.Equal("w2", found.Path.Name);
    }

    [Fact]
    public void A_message_to_a_selection_matching_nothing_is_a_dead_letter()
    {
        Sys.ActorSelection("/user/nobody").Tell("lost", TestActor);

        ExpectDeadLetter<string>(s => s == "lost");
    }

    [Fact]
    public async Task Ask_through_a_selection_gets_the_reply()
    {
        CreateTree();

        Assert.Equal("w1:q", await Sys.ActorSelection("/user/pool/w1").Ask<string>("q"));
    }
}
