namespace Agents.Platform.Tests.Topics;

/// <summary>
/// The AMQP topic rules written as directly as possible, to check the real implementations
/// against: a memoized recursion over (pattern word, topic word) on the texts as written.
/// </summary>
internal static class ReferenceMatcher
{
    public static bool Matches(string pattern, string topic)
    {
        var p = pattern.Split('.');
        var t = topic.Split('.');
        var memo = new bool?[p.Length + 1, t.Length + 1];
        return Match(0, 0);

        bool Match(int i, int j)
        {
            if (memo[i, j] is { } known)
            {
                return known;
            }

            bool result;
            if (i == p.Length)
            {
                result = j == t.Length;
            }
            else if (p[i] == "#")
            {
                result = Match(i + 1, j) || (j < t.Length && Match(i, j + 1));
            }
            else
            {
                result = j < t.Length && (p[i] == "*" || p[i] == t[j]) && Match(i + 1, j + 1);
            }

            memo[i, j] = result;
            return result;
        }
    }
}
