using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Matching.Contracts;
using TechInterviewCoach.Matching.Domain;
using TechInterviewCoach.Matching.Features.Coaches;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Matching.Pages.CoachArea;

[Authorize(Policy = Policies.Coach)]
internal sealed class ProfileModel(IMediator mediator) : PageModel
{
    internal sealed class InputModel
    {
        public string? Headline { get; set; }
        public string? Bio { get; set; }
        public int YearsOfExperience { get; set; }
        public string? Companies { get; set; }
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
        Current = await mediator.Send(new GetMyProfile(User.GetUserId()), HttpContext.RequestAborted);
        var p = Current?.Profile;
        Input = p is null ? new InputModel { TimeZone = User.GetTimeZone().Id, Availability = PageForms.ToRows([]) } : new InputModel
        {
            Headline = p.Headline, Bio = p.Bio, YearsOfExperience = p.YearsOfExperience, Companies = string.Join(", ", p.Companies), Roles = p.Roles,
            InterviewTypes = p.InterviewTypes, CoachedCounts = p.CoachedCounts, Languages = p.Languages, TimeZone = p.TimeZone,
            Availability = PageForms.ToRows(p.Availability), IsPublished = p.IsPublished,
        };
        Message = TempData["profile-message"] as string;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            await mediator.Send(new SaveProfile(User.GetUserId(), new ProfileInput
            {
                Headline = Input.Headline ?? "", Bio = Input.Bio ?? "", YearsOfExperience = Input.YearsOfExperience, Companies = PageForms.SplitList(Input.Companies),
                Roles = Input.Roles, InterviewTypes = Input.InterviewTypes, CoachedCounts = Input.CoachedCounts, Languages = Input.Languages,
                TimeZone = Input.TimeZone ?? "", Availability = PageForms.ToWindows(Input.Availability), IsPublished = Input.IsPublished,
            }), HttpContext.RequestAborted);
            TempData["profile-message"] = "Profile saved.";
            return RedirectToPage();
        }
        catch (ValidationException ex) { ModelState.AddErrors(ex); }
        catch (AppException ex) { ModelState.AddError(ex); }
        while (Input.Availability.Count < 7) Input.Availability.Add(new WindowRow());
        return Page();
    }
}

[Authorize(Policy = Policies.Coach)]
internal sealed class ListingsModel(IMediator mediator) : PageModel
{
    [BindProperty] public ListingInput Input { get; set; } = new();
    public IReadOnlyList<ListingView> Listings { get; private set; } = [];
    public ProfileView? Profile { get; private set; }
    public string? Err(string field) => PageForms.Errors(ModelState, field);

    private async Task LoadAsync()
    {
        Listings = await mediator.Send(new GetMyListings(User.GetUserId()), HttpContext.RequestAborted);
        Profile = await mediator.Send(new GetMyProfile(User.GetUserId()), HttpContext.RequestAborted);
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            await mediator.Send(new CreateListing(User.GetUserId(), Input), HttpContext.RequestAborted);
            return RedirectToPage();
        }
        catch (ValidationException ex) { ModelState.AddErrors(ex); }
        catch (AppException ex) { ModelState.AddError(ex); }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, bool publish)
    {
        await mediator.Send(new SetListingPublished(User.GetUserId(), id, publish), HttpContext.RequestAborted);
        return RedirectToPage();
    }
}
