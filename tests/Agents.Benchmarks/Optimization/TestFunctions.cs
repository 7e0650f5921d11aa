namespace Agents.Benchmarks.Optimization;

/// <summary>The three functions of the optimizer benchmark: Branin (2-D), Hartmann-6 (6-D) and a noisy 10-D quadratic.</summary>
internal static class TestFunctions
{
    private static readonly double[] s_hartmannAlpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[,] s_hartmannA =
    {
        { 10, 3, 17, 3.5, 1.7, 8 },
        { 0.05, 10, 17, 0.1, 8, 14 },
        { 3, 3.5, 1.7, 10, 17, 8 },
        { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] s_hartmannP =
    {
        { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 },
        { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
        { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 },
        { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
    };

    /// <summary>Branin–Hoo on [−5, 10] × [0, 15]; three global minima of 0.397887.</summary>
    public static TestFunction Branin(int budget) => new(
        "branin", TestFunction.Box((-5, 10), (0, 15)), budget, 0.397887, x =>
        {
            const double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
            var a = x[1] - b * x[0] * x[0] + c * x[0] - 6;
            return a * a + 10 * (1 - t) * Math.Cos(x[0]) + 10;
        });

    /// <summary>Hartmann-6 on [0, 1]⁶; global minimum −3.32237.</summary>
    public static TestFunction Hartmann6(int budget) => new(
        "hartmann6", TestFunction.Box([.. Enumerable.Repeat((0.0, 1.0), 6)]), budget, -3.32237, x =>
        {
            var sum = 0.0;
            for (var i = 0; i < 4; i++)
            {
                var inner = 0.0;
                for (var j = 0; j < 6; j++)
                {
                    var d = x[j] - s_hartmannP[i, j];
                    inner += s_hartmannA[i, j] * d * d;
                }

                sum += s_hartmannAlpha[i] * Math.Exp(-inner);
            }

            return -sum;
        });

    /// <summary>
    /// Σ (xᵢ − cᵢ)² on [−5, 5]¹⁰ with the centre cᵢ spread over [−2, 2], observed with Gaussian noise of deviation 1;
    /// minimum 0.
    /// </summary>
    public static TestFunction NoisyQuadratic(int budget) => new(
        "quadratic10", TestFunction.Box([.. Enumerable.Repeat((-5.0, 5.0), 10)]), budget, 0, x =>
        {
            var sum = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var d = x[i] - (-2 + 4.0 * i / (x.Length - 1));
                sum += d * d;
            }

            return sum;
        }, NoiseDeviation: 1);
}
