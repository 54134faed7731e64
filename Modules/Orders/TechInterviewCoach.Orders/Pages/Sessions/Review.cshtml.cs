namespace TechInterviewCoach.Orders.Pages.Sessions;

/// <summary>A session's review: the coachee writes or edits it (it is public, and the form says so first), the coach replies once.</summary>
[Authorize(Policy = Policies.Member)]
internal sealed class ReviewModel(IMediator mediator) : PageModel, IFormPage
{
    public sealed class ReviewInput
    {
        public int? Rating { get; set; }
        public string? Text { get; set; }
    }

    [BindProperty] public ReviewInput Input { get; set; } = new();
    [FromRoute] public Guid Id { get; set; }
    public SessionOutcomeView Session { get; private set; } = null!;
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync()
    {
        await ReloadAsync(HttpContext.RequestAborted);
        if (Session.Review is { } r && Session.CanEditReview) Input = new ReviewInput { Rating = r.Rating, Text = r.Text };
    }

    public async Task ReloadAsync(CancellationToken ct) => Session = await mediator.Send(new GetSessionOutcome(Id, User.GetUserId()), ct);

    public async Task<IActionResult> OnPostWriteAsync()
    {
        if (!ModelState.IsValid) return await AgainAsync();
        await mediator.Send(new WriteReview(Id, User.GetUserId(), Input.Rating ?? 0, Input.Text ?? ""), HttpContext.RequestAborted);
        Done = "Thank you: your review is on the coach's profile.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostEditAsync()
    {
        if (!ModelState.IsValid) return await AgainAsync();
        await mediator.Send(new EditReview(Id, User.GetUserId(), Input.Rating ?? 0, Input.Text ?? ""), HttpContext.RequestAborted);
        Done = "Your review is updated.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostReplyAsync()
    {
        if (!ModelState.IsValid) return await AgainAsync();
        await mediator.Send(new ReplyToReview(Id, User.GetUserId(), Input.Text ?? ""), HttpContext.RequestAborted);
        Done = "Your reply is published under the review.";
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult> AgainAsync()
    {
        await ReloadAsync(HttpContext.RequestAborted);
        return Page();
    }
}
