namespace TechInterviewCoach.Orders.Pages;

[Authorize(Policy = Policies.Coach)]
internal sealed class CoachOrdersModel(IMediator mediator) : PageModel
{
    public OrderPage Orders { get; private set; } = null!;
    public IReadOnlyList<CoachUpcomingSession> Upcoming { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber)
    {
        Orders = await mediator.Send(new ListMyOrders(User.GetUserId(), AsCoach: true, pageNumber ?? 1), HttpContext.RequestAborted);
        Upcoming = await mediator.Send(new GetCoachUpcomingSessions(User.GetUserId()), HttpContext.RequestAborted);
    }
}
