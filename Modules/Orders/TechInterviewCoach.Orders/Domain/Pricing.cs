namespace TechInterviewCoach.Orders.Domain;

internal static class Pricing
{
    /// <summary>The platform fee: percent of gross, rounded half up to a whole minor unit.</summary>
    public static long Fee(long grossMinor, decimal percent) =>
        (long)Math.Round(grossMinor * percent / 100m, MidpointRounding.AwayFromZero);
}
