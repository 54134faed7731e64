using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Platform.Tests;

/// <summary>People type money in major units; storage keeps minor units. One conversion for every form.</summary>
public sealed class MoneyInputTests
{
    [Theory]
    [InlineData("120", "EUR", 12000)]
    [InlineData("120.5", "EUR", 12050)]
    [InlineData("120.50", "EUR", 12050)]
    [InlineData(" 0.99 ", "USD", 99)]
    [InlineData(".5", "GBP", 50)]
    [InlineData("1200", "JPY", 1200)]
    [InlineData("1200.0", "JPY", 1200)]
    [InlineData("007", "CHF", 700)]
    [InlineData("1000000000000", "USD", 100_000_000_000_000)]
    public void A_typed_major_amount_becomes_minor_units_by_the_currency_exponent(string typed, string currency, long minor)
    {
        Currencies.TryParseMajor(typed, currency, out var result, out var error).ShouldBeTrue(error);
        result.ShouldBe(minor);
    }

    [Theory]
    [InlineData("99999999999999999999999", "EUR", "too large")]
    [InlineData("1000000000001", "EUR", "too large")]
    [InlineData("99999999999999999999999999999999999999", "JPY", "too large")]
    [InlineData("12.345", "EUR", "2 decimals")]
    [InlineData("1200.5", "JPY", "whole amount")]
    [InlineData("-5", "EUR", "above zero")]
    [InlineData("12,50", "EUR", "digits")]
    [InlineData("1e5", "EUR", "digits")]
    [InlineData("abc", "USD", "digits")]
    [InlineData("12.", "USD", "digits")]
    [InlineData("", "USD", "Enter an amount")]
    [InlineData(null, "USD", "Enter an amount")]
    public void Bad_or_huge_input_is_a_form_error_never_an_exception(string? typed, string currency, string says)
    {
        Currencies.TryParseMajor(typed, currency, out var result, out var error).ShouldBeFalse();
        result.ShouldBe(0);
        error.ShouldContain(says);
    }

    [Theory]
    [InlineData(12000, "EUR", "120.00")]
    [InlineData(12050, "USD", "120.50")]
    [InlineData(1200, "JPY", "1200")]
    [InlineData(5, "GBP", "0.05")]
    public void Minor_units_are_shown_back_in_a_form_as_typed_major_amounts(long minor, string currency, string text)
    {
        Currencies.ToMajorText(minor, currency).ShouldBe(text);
        Currencies.TryParseMajor(text, currency, out var back, out _).ShouldBeTrue();
        back.ShouldBe(minor);
    }
}
