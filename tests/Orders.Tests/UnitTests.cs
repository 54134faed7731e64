using System.Text;
using TechInterviewCoach.Orders.Domain;
using TechInterviewCoach.Orders.Features.Checkout;
using TechInterviewCoach.Orders.Stripe;

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
    public void A_signature_is_checked_like_Stripe_does()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":\"evt_1\"}");
        var now = DateTimeOffset.UtcNow;
        var header = StripeFixtures.Sign("{\"id\":\"evt_1\"}", "whsec_x", now);
        StripeSignature.Verify(header, body, "whsec_x", now, 300).ShouldBe(StripeSignature.Result.Valid);
        StripeSignature.Verify(header, body, "whsec_y", now, 300).ShouldBe(StripeSignature.Result.Mismatch);
        StripeSignature.Verify(header, body, "whsec_x", now.AddSeconds(301), 300).ShouldBe(StripeSignature.Result.Stale);
        StripeSignature.Verify("v1=abc", body, "whsec_x", now, 300).ShouldBe(StripeSignature.Result.Malformed);
        StripeSignature.Verify(null, body, "whsec_x", now, 300).ShouldBe(StripeSignature.Result.Missing);
    }

    [Fact]
    public void Stripe_error_objects_become_clear_messages()
    {
        var e = StripeClient.ToException(400, """{"error":{"type":"invalid_request_error","code":"parameter_missing","param":"amount","message":"Missing required param: amount."}}""");
        e.Message.ShouldBe("Stripe rejected the request (parameter amount): Missing required param: amount. [parameter_missing]");
        e.IsTransient.ShouldBeFalse();
        StripeClient.ToException(401, """{"error":{"type":"authentication_error","message":"Invalid API Key"}}""").Message.ShouldContain("Stripe:SecretKey");
        StripeClient.ToException(503, "<html>").IsTransient.ShouldBeTrue();
    }
}
