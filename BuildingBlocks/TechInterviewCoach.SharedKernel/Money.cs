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

    /// <summary>The most a typed amount may hold in major units (any supported currency fits a long in minor units).</summary>
    public const decimal MaxTypedMajor = 1_000_000_000_000m;

    /// <summary>
    /// What a person typed, in major units ("120", "120.5", "1200" for JPY), into minor units of <paramref name="currency"/>:
    /// digits with at most the currency's decimals after a dot. Returns false with a message fit for a form otherwise
    /// (not a number, too many decimals, negative, or too large); never throws, never overflows.
    /// </summary>
    public static bool TryParseMajor(string? text, string currency, out long amountMinor, out string error)
    {
        amountMinor = 0;
        var exp = Exponent(currency);
        var example = exp == 0 ? "1200" : "120 or 120." + new string('5', exp);
        var t = (text ?? "").Trim();
        if (t.Length == 0) { error = "Enter an amount."; return false; }
        if (t.StartsWith('-')) { error = "Enter an amount above zero."; return false; }
        var dot = t.IndexOf('.');
        var whole = dot < 0 ? t : t[..dot];
        var fraction = dot < 0 ? "" : t[(dot + 1)..];
        if ((whole.Length == 0 && fraction.Length == 0) || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit) || (dot >= 0 && fraction.Length == 0))
        {
            error = $"Enter the amount in {currency.ToUpperInvariant()} as digits, like {example}.";
            return false;
        }
        if (fraction.TrimEnd('0').Length > exp)
        {
            error = exp == 0 ? $"{currency.ToUpperInvariant()} has no cents: enter a whole amount, like {example}."
                             : $"{currency.ToUpperInvariant()} has {exp} decimals at most, like {example}.";
            return false;
        }
        var digits = whole.TrimStart('0');
        if (digits.Length > 13 || decimal.Parse(digits.Length == 0 ? "0" : digits, System.Globalization.CultureInfo.InvariantCulture) > MaxTypedMajor)
        {
            error = $"This amount is too large (at most {Format((long)MaxTypedMajor * Pow10(exp), currency)}).";
            return false;
        }
        var frac = fraction.TrimEnd('0').PadRight(exp, '0');
        amountMinor = long.Parse(digits.Length == 0 ? "0" : digits, System.Globalization.CultureInfo.InvariantCulture) * Pow10(exp)
                      + (frac.Length == 0 ? 0 : long.Parse(frac, System.Globalization.CultureInfo.InvariantCulture));
        error = "";
        return true;
    }

    /// <summary>An amount in minor units as a person types it back ("120.00" for EUR 12000, "1200" for JPY 1200): for form values.</summary>
    public static string ToMajorText(long amountMinor, string currency)
    {
        var exp = Exponent(currency);
        var major = amountMinor / (decimal)Pow10(exp);
        return major.ToString(exp == 0 ? "0" : "0." + new string('0', exp), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An amount in minor units as a decimal in major units (EUR 12050 → 120.50, JPY 1200 → 1200); unknown currencies have two decimals.</summary>
    public static decimal ToMajor(long amountMinor, string currency) => amountMinor / (decimal)MinorPerMajor(currency);

    /// <summary>10 to the currency's exponent: minor units per major unit (100 for EUR, 1 for JPY).</summary>
    public static long MinorPerMajor(string currency) => Pow10(Exponent(currency));

    private static long Pow10(int exp) => exp switch { 0 => 1, 1 => 10, 2 => 100, 3 => 1000, _ => (long)Math.Pow(10, exp) };

    /// <summary>"$1,234.50"-style text for screens and emails, e.g. "USD 1,234.50".</summary>
    public static string Format(long amountMinor, string currency)
    {
        var exp = Exponent(currency);
        var major = amountMinor / (decimal)Pow10(exp);
        return $"{currency.ToUpperInvariant()} {major.ToString(exp == 0 ? "#,0" : "#,0.00", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
