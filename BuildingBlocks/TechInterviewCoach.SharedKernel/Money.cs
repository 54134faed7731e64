namespace TechInterviewCoach.SharedKernel;

/// <summary>An amount in the currency's minor unit (cents for USD, yen for JPY). Never a floating point number.</summary>
public readonly record struct Money(long AmountMinor, string Currency)
{
    public override string ToString() => Currencies.Format(AmountMinor, Currency);
}

public static class Currencies
{
    // ISO 4217 codes Stripe settles in that the marketplace accepts, with their minor-unit exponent.
    private static readonly Dictionary<string, int> Exponents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2,
        ["PLN"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["CZK"] = 2, ["SGD"] = 2, ["INR"] = 2,
        ["BRL"] = 2, ["MXN"] = 2, ["JPY"] = 0,
    };

    public static IReadOnlyCollection<string> Supported => Exponents.Keys;

    public static bool IsSupported(string? code) => code is { Length: 3 } && Exponents.ContainsKey(code);

    public static int Exponent(string code) => Exponents.TryGetValue(code, out var e) ? e : 2;

    /// <summary>"$1,234.50"-style text for screens and emails, e.g. "USD 1,234.50".</summary>
    public static string Format(long amountMinor, string currency)
    {
        var exp = Exponent(currency);
        var major = amountMinor / (decimal)Math.Pow(10, exp);
        return $"{currency.ToUpperInvariant()} {major.ToString(exp == 0 ? "#,0" : "#,0.00", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
