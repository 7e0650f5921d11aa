namespace Agents.Hocon.Tests;

/// <summary>Shortcuts for tests: parsing never consults the real environment.</summary>
internal static class Hocon
{
    public static readonly HoconParseOptions NoEnvironment = new() { UseEnvironmentVariables = false };

    public static Config Parse(string text) => Config.Parse(text, NoEnvironment);

    public static Config Parse(string text, IReadOnlyDictionary<string, string> environment) =>
        Config.Parse(text, new HoconParseOptions { EnvironmentLookup = name => environment.GetValueOrDefault(name) });

    public static Config Unresolved(string text) => Config.Parse(text, NoEnvironment with { Resolve = false });

    public static HoconException Error(string text) => Assert.ThrowsAny<HoconException>(() => Config.Parse(text, NoEnvironment));

    /// <summary>Asserts that two documents parse to equal trees.</summary>
    public static void Same(string expected, string actual) => Assert.Equal(Parse(expected).Root, Parse(actual).Root);
}
