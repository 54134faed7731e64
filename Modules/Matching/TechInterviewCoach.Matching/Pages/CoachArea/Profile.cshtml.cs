namespace TechInterviewCoach.Matching.Pages.CoachArea;

[Authorize(Policy = Policies.Coach)]
internal sealed class ProfileModel(IMediator mediator) : PageModel, IFormPage
{
    internal sealed class InputModel
    {
        public string? Headline { get; set; }
        public string? Bio { get; set; }
        public int YearsOfExperience { get; set; }
        public string? Companies { get; set; }
        public string? InterviewedFor { get; set; }
        public string? Skills { get; set; }
        public List<string> Roles { get; set; } = [];
        public List<string> InterviewTypes { get; set; } = [];
        public Dictionary<string, int> CoachedCounts { get; set; } = [];
        public List<string> Languages { get; set; } = [];
        public string? TimeZone { get; set; }
        public List<WindowRow> Availability { get; set; } = [];
        public bool IsPublished { get; set; } = true;
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public ProfileView? Current { get; private set; }
    public string? Message { get; private set; }
    public string? Err(string field) => PageForms.Errors(ModelState, field);

    public async Task OnGetAsync()
    {
        Current = await mediator.Send(new ViewMyCoachProfile(User.GetUserId()), HttpContext.RequestAborted);
        var p = Current?.Profile;
        Input = p is null ? new InputModel { TimeZone = User.GetTimeZone().Id, Availability = PageForms.ToRows([]) } : new InputModel
        {
            Headline = p.Headline, Bio = p.Bio, YearsOfExperience = p.YearsOfExperience, Companies = string.Join(", ", p.Companies), InterviewedFor = string.Join(", ", p.InterviewedFor), Skills = string.Join(", ", p.Skills), Roles = p.Roles,
            InterviewTypes = p.InterviewTypes, CoachedCounts = p.CoachedCounts, Languages = p.Languages, TimeZone = p.TimeZone,
            Availability = PageForms.ToRows(p.Availability), IsPublished = p.IsPublished,
        };
        Message = TempData["profile-message"] as string;
    }

    /// <summary>After a failed save: the form again with its seven window rows.</summary>
    public Task ReloadAsync(CancellationToken ct)
    {
        while (Input.Availability.Count < 7) Input.Availability.Add(new WindowRow());
        return Task.CompletedTask;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await mediator.Send(new SaveCoachProfile(User.GetUserId(), new ProfileInput
        {
            Headline = Input.Headline ?? "", Bio = Input.Bio ?? "", YearsOfExperience = Input.YearsOfExperience, Companies = PageForms.SplitList(Input.Companies), InterviewedFor = PageForms.SplitList(Input.InterviewedFor), Skills = PageForms.SplitList(Input.Skills),
            Roles = Input.Roles, InterviewTypes = Input.InterviewTypes, CoachedCounts = Input.CoachedCounts, Languages = Input.Languages,
            TimeZone = Input.TimeZone ?? "", Availability = PageForms.ToWindows(Input.Availability), IsPublished = Input.IsPublished,
        }), HttpContext.RequestAborted);
        TempData["profile-message"] = "Profile saved.";
        return RedirectToPage();
    }
}
