namespace TechInterviewCoach.Orders.Tests;

public sealed class UnitTests
{
    [Theory]
    [InlineData(10000, 15, 1500)]
    [InlineData(12345, 15, 1852)]
    [InlineData(10, 15, 2)] // 1.5 rounds half up
    [InlineData(999, 0, 0)]
    [InlineData(333, 50, 167)]
    public void The_platform_fee_is_rounded_half_up_in_minor_units(long gross, int percent, long fee) =>
        Pricing.Fee(gross, percent).ShouldBe(fee);

    [Fact]
    public void A_paid_order_never_returns_to_pending_and_refunds_only_move_forward()
    {
        OrderStates.Allowed(OrderState.Paid, OrderState.Pending).ShouldBeFalse();
        OrderStates.Allowed(OrderState.Refunded, OrderState.Paid).ShouldBeFalse();
        OrderStates.Allowed(OrderState.Refunded, OrderState.PartiallyRefunded).ShouldBeFalse();
        OrderStates.Allowed(OrderState.PartiallyRefunded, OrderState.Refunded).ShouldBeTrue();
        OrderStates.Allowed(OrderState.DisputeLost, OrderState.Paid).ShouldBeFalse();
    }

    [Fact]
    public void Stripe_error_objects_become_clear_messages()
    {
        static global::Stripe.StripeException Error(int status, string? type, string? code = null, string? param = null, string? message = null) =>
            new((System.Net.HttpStatusCode)status, type is null ? null! : new global::Stripe.StripeError { Type = type, Code = code, Param = param, Message = message }, message ?? "");
        var e = StripeApiGateway.ToException(Error(400, "invalid_request_error", "parameter_missing", "amount", "Missing required param: amount."));
        e.Message.ShouldBe("Stripe rejected the request (parameter amount): Missing required param: amount. [parameter_missing]");
        e.IsTransient.ShouldBeFalse();
        StripeApiGateway.ToException(Error(401, "authentication_error", message: "Invalid API Key")).Message.ShouldContain("Stripe:SecretKey");
        StripeApiGateway.ToException(Error(503, null)).IsTransient.ShouldBeTrue();
    }
}
