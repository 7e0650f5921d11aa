using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Paths;

public sealed class ActorPathSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed class Parent : ReceiveActor
    {
        public Parent() => Receive<string>(name => Sender.Tell(Context.ActorOf(Props.Create(() => new Parent()), name), Self));
    }

    [Fact]
    public void A_child_path_is_the_parent_path_plus_the_name()
    {
        var a = ActorOf(() => new Parent(), "a");

        a.Tell("b");

        Assert.Equal("agents://test/user/a/b", ExpectMsg<IActorRef>().Path.ToString());
    }

    [Fact]
    public void Generated_names_start_with_a_dollar_and_are_unique()
    {
        var first = ActorOf(() => new Parent());
        var second = ActorOf(() => new Parent());

        Assert.StartsWith("$", first.Path.Name);
        Assert.NotEqual(first.Path.Name, second.Path.Name);
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("$reserved", "starts with '$'")]
    [InlineData("a/b", "'/'")]
    [InlineData("with space", "a space")]
    [InlineData("tab\there", "control character")]
    [InlineData("é", "'é'")]
    public void Invalid_names_are_rejected_with_the_reason(string name, string reason)
    {
        var error = Assert.Throws<InvalidActorNameException>(() => ActorOf(() => new Parent(), name));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_name_used_by_a_live_sibling_is_rejected()
    {
        ActorOf(() => new Parent(), "taken");

        var error = Assert.Throws<InvalidActorNameException>(() => ActorOf(() => new Parent(), "taken"));

        Assert.Contains("not unique", error.Message);
    }

    [Fact]
    public void Guardians_have_their_well_known_paths()
    {
        var user = ActorOf(() => new Parent(), "x").Path.Parent!;

        Assert.Equal("agents://test/user", user.ToString());
        Assert.Equal("agents://test/deadLetters", Sys.DeadLetters.Path.ToString());
        Assert.Equal("/system/testActor1", TestActor.Path.ToStringWithoutAddress());
    }

    [Fact]
    public void A_path_parses_from_its_string_form()
    {
        var path = ActorPath.Parse("agents://node-1@10.0.0.5:4053/user/orders/o-1#42");

        Assert.Equal(new ActorAddress("agents", "node-1", "10.0.0.5", 4053), path.Address);
        Assert.Equal(["user", "orders", "o-1"], path.Elements);
        Assert.Equal(42, path.Uid);
        Assert.Equal("agents://node-1@10.0.0.5:4053/user/orders/o-1", path.ToString());
        Assert.False(path.Address.HasLocalScope);
    }

    [Fact]
    public void Paths_are_equal_by_address_and_elements_whatever_their_uid()
    {
        var root = new RootActorPath(ActorAddress.Local("sys"));

        Assert.Equal((root / "user" / "a").WithUid(1), (root / "user" / "a").WithUid(2));
        Assert.NotEqual(root / "user" / "a", root / "user" / "b");
        Assert.Equal((root / "user" / "a").GetHashCode(), ActorPath.Parse("agents://sys/user/a").GetHashCode());
    }

    [Fact]
    public void Text_that_is_not_an_actor_path_fails_to_parse_with_the_expected_form()
    {
        var error = Assert.Throws<FormatException>(() => ActorPath.Parse("/user/a"));

        Assert.Contains("agents://system/user/name", error.Message);
    }
}
