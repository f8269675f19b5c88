namespace GatewayPortal.Bench.SignInTiming;

/// <summary>The Mann-Whitney U test (normal approximation with tie-averaged ranks): do two samples come from one distribution?</summary>
internal static class MannWhitney
{
    public static double TwoSidedP(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var all = a.Select(v => (Value: v, FromA: true)).Concat(b.Select(v => (Value: v, FromA: false))).OrderBy(x => x.Value).ToList();
        double rankSumA = 0;
        for (var i = 0; i < all.Count;)
        {
            var j = i;
            while (j + 1 < all.Count && all[j + 1].Value == all[i].Value)
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                rankSumA += all[k].FromA ? rank : 0;
            }

            i = j + 1;
        }

        double n1 = a.Count, n2 = b.Count;
        var u = rankSumA - (n1 * (n1 + 1) / 2);
        var z = (u - (n1 * n2 / 2)) / Math.Sqrt(n1 * n2 * (n1 + n2 + 1) / 12);
        return Erfc(Math.Abs(z) / Math.Sqrt(2));
    }

    // Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).
    private static double Erfc(double x)
    {
        var t = 1 / (1 + (0.3275911 * x));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        return poly * Math.Exp(-x * x);
    }
}
