namespace Agents.TestKit;

/// <summary>A TestKit expectation was not met.</summary>
public sealed class TestKitAssertionException(string message) : Xunit.Sdk.XunitException(message);
