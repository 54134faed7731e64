namespace TechInterviewCoach.Matching.Pages.CoachArea;

[Authorize(Policy = Policies.Coach)]
internal sealed class ListingsModel(IMediator mediator) : PageModel, IFormPage
{
    /// <summary>The listing form as a person fills it: the price in major units of the chosen currency.</summary>
    internal sealed class ListingForm
    {
        public Guid? Id { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public ListingKind Kind { get; set; }
        public int Sessions { get; set; } = 1;
        public int SessionMinutes { get; set; } = 60;
        public string? Price { get; set; }
        public string? Currency { get; set; } = "EUR";
        public int ValidityDays { get; set; } = Data.Listings.DefaultValidityDays;
        /// <summary>"own": the coach's meeting link below; anything else: a platform room for each session.</summary>
        public string? Meeting { get; set; } = "platform";
        public string? MeetingUrl { get; set; }
        public bool OwnLink => Meeting == "own";
    }

    [BindProperty] public ListingForm Input { get; set; } = new();
    public IReadOnlyList<ListingView> Listings { get; private set; } = [];
    public ProfileView? Profile { get; private set; }
    [TempData] public string? Done { get; set; }
    public string? Err(string field) => PageForms.Errors(ModelState, field);
    public bool Editing => Input.Id is not null;

    /// <summary>After a failed save: the price's errors beside the price as typed, and the listings again.</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        PageForms.MoveErrors(ModelState, nameof(ListingForm.Price), nameof(ListingInput.PriceMinor));
        Listings = await mediator.Send(new ListMyListings(User.GetUserId()), ct);
        Profile = await mediator.Send(new ViewMyCoachProfile(User.GetUserId()), ct);
    }

    /// <summary>?edit={id} fills the form with that listing, to change it.</summary>
    public async Task<IActionResult> OnGetAsync(Guid? edit)
    {
        await ReloadAsync(HttpContext.RequestAborted);
        if (edit is { } id)
        {
            var l = Listings.FirstOrDefault(x => x.Id == id);
            if (l is null) return NotFound();
            Input = new ListingForm
            {
                Id = l.Id, Title = l.Title, Description = l.Description, Kind = l.Kind, Sessions = l.Sessions, SessionMinutes = l.SessionMinutes,
                Price = Currencies.ToMajorText(l.PriceMinor, l.Currency), Currency = l.Currency,
                ValidityDays = l.ValidityDays, Meeting = l.MeetingUrl is null ? "platform" : "own", MeetingUrl = l.MeetingUrl,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var currency = (Input.Currency ?? "").Trim().ToUpperInvariant();
        long priceMinor = 0;
        if (!Currencies.IsSupported(currency)) ModelState.AddModelError("Input.Currency", "Choose a currency from the list.");
        else if (!Currencies.TryParseMajor(Input.Price, currency, out priceMinor, out var error)) ModelState.AddModelError("Input.Price", error);
        if (Input.OwnLink && string.IsNullOrWhiteSpace(Input.MeetingUrl)) ModelState.AddModelError("Input.MeetingUrl", "Give your meeting link, or choose a platform room.");
        if (ModelState.ErrorCount > 0)
        {
            await ReloadAsync(HttpContext.RequestAborted);
            return Page();
        }
        var input = new ListingInput
        {
            Title = Input.Title ?? "", Description = Input.Description ?? "", Kind = Input.Kind, Sessions = Input.Sessions,
            SessionMinutes = Input.SessionMinutes, PriceMinor = priceMinor, Currency = currency,
            ValidityDays = Input.ValidityDays, MeetingUrl = Input.OwnLink ? Input.MeetingUrl : null,
        };
        var saved = await mediator.Send(new SaveListing(User.GetUserId(), Input.Id, input), HttpContext.RequestAborted);
        Done = Input.Id is null
            ? $"Listing “{saved.Title}” added at {saved.Price}. Publish it when you want coachees to see it."
            : $"Listing “{saved.Title}” saved: {saved.Price}. Orders already placed keep the price they were charged.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, bool publish)
    {
        var l = await mediator.Send(new PublishListing(User.GetUserId(), id, publish), HttpContext.RequestAborted);
        Done = publish ? $"“{l.Title}” is published." : $"“{l.Title}” is unpublished: coachees no longer see it.";
        return RedirectToPage();
    }
}
