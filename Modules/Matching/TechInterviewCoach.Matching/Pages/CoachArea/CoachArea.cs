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
        Current = await mediator.Send(new GetMyProfile(User.GetUserId()), HttpContext.RequestAborted);
        var p = Current?.Profile;
        Input = p is null ? new InputModel { TimeZone = User.GetTimeZone().Id, Availability = PageForms.ToRows([]) } : new InputModel
        {
            Headline = p.Headline, Bio = p.Bio, YearsOfExperience = p.YearsOfExperience, Companies = string.Join(", ", p.Companies), Skills = string.Join(", ", p.Skills), Roles = p.Roles,
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
                Skills = PageForms.SplitList(Input.Skills),
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
    }

    [BindProperty] public ListingForm Input { get; set; } = new();
    public IReadOnlyList<ListingView> Listings { get; private set; } = [];
    public ProfileView? Profile { get; private set; }
    [TempData] public string? Done { get; set; }
    public string? Err(string field) => PageForms.Errors(ModelState, field);
    public bool Editing => Input.Id is not null;

    private async Task LoadAsync()
    {
        Listings = await mediator.Send(new GetMyListings(User.GetUserId()), HttpContext.RequestAborted);
        Profile = await mediator.Send(new GetMyProfile(User.GetUserId()), HttpContext.RequestAborted);
    }

    /// <summary>?edit={id} fills the form with that listing, to change it.</summary>
    public async Task<IActionResult> OnGetAsync(Guid? edit)
    {
        await LoadAsync();
        if (edit is { } id)
        {
            var l = Listings.FirstOrDefault(x => x.Id == id);
            if (l is null) return NotFound();
            Input = new ListingForm
            {
                Id = l.Id, Title = l.Title, Description = l.Description, Kind = l.Kind, Sessions = l.Sessions, SessionMinutes = l.SessionMinutes,
                Price = Currencies.ToMajorText(l.PriceMinor, l.Currency), Currency = l.Currency,
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
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var input = new ListingInput
                {
                    Title = Input.Title ?? "", Description = Input.Description ?? "", Kind = Input.Kind, Sessions = Input.Sessions,
                    SessionMinutes = Input.SessionMinutes, PriceMinor = priceMinor, Currency = currency,
                };
                var saved = Input.Id is { } id
                    ? await mediator.Send(new UpdateListing(User.GetUserId(), id, input), HttpContext.RequestAborted)
                    : await mediator.Send(new CreateListing(User.GetUserId(), input), HttpContext.RequestAborted);
                Done = Input.Id is null
                    ? $"Listing “{saved.Title}” added at {saved.Price}. Publish it when you want coachees to see it."
                    : $"Listing “{saved.Title}” saved: {saved.Price}. Orders already placed keep the price they were charged.";
                return RedirectToPage();
            }
            catch (ValidationException ex)
            {
                foreach (var e in ex.Errors)
                    ModelState.AddModelError("Input." + (e.PropertyName == nameof(ListingInput.PriceMinor) ? nameof(ListingForm.Price) : e.PropertyName), e.ErrorMessage);
            }
            catch (AppException ex) { ModelState.AddError(ex); }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, bool publish)
    {
        var l = await mediator.Send(new SetListingPublished(User.GetUserId(), id, publish), HttpContext.RequestAborted);
        Done = publish ? $"“{l.Title}” is published." : $"“{l.Title}” is unpublished: coachees no longer see it.";
        return RedirectToPage();
    }
}
