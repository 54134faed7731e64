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
    public MyCoachPhoto Photo { get; private set; } = new(null, false);
    public string? Message { get; private set; }
    /// <summary>The failed POST was one of the photo's (its errors show in the photo section, the profile form is loaded afresh).</summary>
    public bool PhotoFailed { get; private set; }
    public string? Err(string field) => PageForms.Errors(ModelState, field);
    /// <summary>The photo section's errors: the file's, or (for a photo action) one about the whole action, e.g. LinkedIn not answering.</summary>
    public string? PhotoErr => Err("photo") ?? (PhotoFailed && ModelState.TryGetValue("", out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null);

    public async Task OnGetAsync()
    {
        Current = await mediator.Send(new ViewMyCoachProfile(User.GetUserId()), HttpContext.RequestAborted);
        Photo = await mediator.Send(new ViewMyCoachPhoto(User.GetUserId()), HttpContext.RequestAborted);
        var p = Current?.Profile;
        Input = p is null ? new InputModel { TimeZone = User.GetTimeZone().Id, Availability = PageForms.ToRows([]) } : new InputModel
        {
            Headline = p.Headline, Bio = p.Bio, YearsOfExperience = p.YearsOfExperience, Companies = string.Join(", ", p.Companies), InterviewedFor = string.Join(", ", p.InterviewedFor), Skills = string.Join(", ", p.Skills), Roles = p.Roles,
            InterviewTypes = p.InterviewTypes, CoachedCounts = p.CoachedCounts, Languages = p.Languages, TimeZone = p.TimeZone,
            Availability = PageForms.ToRows(p.Availability), IsPublished = p.IsPublished,
        };
        Message = TempData["profile-message"] as string;
    }

    /// <summary>After a failed save: the form again with its seven window rows; after a failed photo action: the page as it is.</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        if (PhotoFailed)
        {
            await OnGetAsync();
            return;
        }
        while (Input.Availability.Count < 7) Input.Availability.Add(new WindowRow());
        Photo = await mediator.Send(new ViewMyCoachPhoto(User.GetUserId()), ct);
    }

    /// <summary>Upload or replace the photo (JPEG, PNG or WebP); on a bad file the previous photo stays and the error shows beside the field.</summary>
    public async Task<IActionResult> OnPostPhotoAsync(IFormFile? photo)
    {
        PhotoFailed = true;
        var ct = HttpContext.RequestAborted;
        await mediator.Send(await UploadCoachPhoto.FromFormAsync(User.GetUserId(), photo, ct), ct);
        TempData["profile-message"] = "Photo saved. It shows on your card, your profile, your conversations and orders.";
        return RedirectToPage();
    }

    /// <summary>The coach's explicit choice to use their LinkedIn picture.</summary>
    public async Task<IActionResult> OnPostLinkedInPhotoAsync()
    {
        PhotoFailed = true;
        await mediator.Send(new UseLinkedInPhoto(User.GetUserId()), HttpContext.RequestAborted);
        TempData["profile-message"] = "Your LinkedIn photo is now your photo here.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync()
    {
        PhotoFailed = true;
        await mediator.Send(new RemoveCoachPhoto(User.GetUserId()), HttpContext.RequestAborted);
        TempData["profile-message"] = "Photo removed: your initials show instead.";
        return RedirectToPage();
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
