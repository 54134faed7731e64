namespace TechInterviewCoach.Matching.Pages;

[Authorize(Policy = Policies.Coachee)]
internal sealed class QuizModel(IMediator mediator) : PageModel, IFormPage
{
    internal sealed class InputModel
    {
        public List<string> TargetRoles { get; set; } = [];
        public string? Seniority { get; set; }
        public string? TargetCompanies { get; set; }
        public DateOnly? InterviewDate { get; set; }
        public List<string> InterviewTypes { get; set; } = [];
        public List<string> FocusAreas { get; set; } = [];
        public List<string> Languages { get; set; } = [];
        public string? TimeZone { get; set; }
        /// <summary>As typed, in major units of <see cref="BudgetCurrency"/> (e.g. "150" or "150.50").</summary>
        public string? Budget { get; set; }
        public string? BudgetCurrency { get; set; }
        public List<WindowRow> Availability { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public DateTime? LastSubmittedAt { get; private set; }
    public bool Saved { get; private set; }
    public string? Message { get; private set; }

    public string? Err(string field) => PageForms.Errors(ModelState, field);

    public async Task OnGetAsync()
    {
        var view = await mediator.Send(new ViewMyQuiz(User.GetUserId()), HttpContext.RequestAborted);
        LastSubmittedAt = view.LastSubmittedAt;
        var a = view.Answers;
        Input = new InputModel
        {
            TargetRoles = a.TargetRoles, Seniority = a.Seniority, TargetCompanies = string.Join(", ", a.TargetCompanies), InterviewDate = a.InterviewDate,
            InterviewTypes = a.InterviewTypes, FocusAreas = a.FocusAreas, Languages = a.Languages,
            TimeZone = a.TimeZone ?? User.GetTimeZone().Id, BudgetCurrency = a.BudgetCurrency ?? "USD",
            Budget = a.BudgetMinor is { } b ? Currencies.ToMajorText(b, a.BudgetCurrency ?? "USD") : null,
            Availability = PageForms.ToRows(a.Availability),
        };
        Message = TempData["quiz-message"] as string;
    }

    /// <summary>After a failed save or submit: the budget's errors beside the budget as typed, and the seven window rows.</summary>
    public Task ReloadAsync(CancellationToken ct)
    {
        PageForms.MoveErrors(ModelState, nameof(InputModel.Budget), nameof(QuizAnswers.BudgetCurrency), nameof(QuizAnswers.BudgetMinor));
        while (Input.Availability.Count < 7) Input.Availability.Add(new WindowRow());
        return Task.CompletedTask;
    }

    public async Task<IActionResult> OnPostAsync(string? intent)
    {
        var answers = ToAnswers(out var budgetError);
        if (budgetError is not null)
        {
            ModelState.AddModelError("Input.Budget", budgetError);
            await ReloadAsync(HttpContext.RequestAborted);
            return Page();
        }
        if (intent == "draft")
        {
            await mediator.Send(new SaveQuizDraft(User.GetUserId(), answers), HttpContext.RequestAborted);
            TempData["quiz-message"] = "Draft saved.";
            return RedirectToPage();
        }
        await mediator.Send(new SubmitQuiz(User.GetUserId(), answers), HttpContext.RequestAborted);
        return Redirect("/matches");
    }

    private QuizAnswers ToAnswers(out string? budgetError)
    {
        var currency = (Input.BudgetCurrency ?? "").Trim().ToUpperInvariant();
        long? budget = null;
        budgetError = null;
        if (!string.IsNullOrWhiteSpace(Input.Budget))
        {
            if (Currencies.TryParseMajor(Input.Budget, Currencies.IsSupported(currency) ? currency : "USD", out var minor, out var error)) budget = minor;
            else budgetError = error;
        }
        return new QuizAnswers
        {
            TargetRoles = Input.TargetRoles, Seniority = Input.Seniority, TargetCompanies = PageForms.SplitList(Input.TargetCompanies),
            InterviewDate = Input.InterviewDate, InterviewTypes = Input.InterviewTypes, FocusAreas = Input.FocusAreas, Languages = Input.Languages,
            TimeZone = Input.TimeZone, BudgetCurrency = currency,
            BudgetMinor = budget,
            Availability = PageForms.ToWindows(Input.Availability),
        };
    }
}
