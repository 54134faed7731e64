using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Matching.Domain;
using TechInterviewCoach.Matching.Features.Quiz;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Matching.Pages;

[Authorize(Policy = Policies.Coachee)]
internal sealed class QuizModel(IMediator mediator) : PageModel
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
        public decimal? Budget { get; set; }
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
        var view = await mediator.Send(new GetMyQuiz(User.GetUserId()), HttpContext.RequestAborted);
        LastSubmittedAt = view.LastSubmittedAt;
        var a = view.Answers;
        Input = new InputModel
        {
            TargetRoles = a.TargetRoles, Seniority = a.Seniority, TargetCompanies = string.Join(", ", a.TargetCompanies), InterviewDate = a.InterviewDate,
            InterviewTypes = a.InterviewTypes, FocusAreas = a.FocusAreas, Languages = a.Languages,
            TimeZone = a.TimeZone ?? User.GetTimeZone().Id, BudgetCurrency = a.BudgetCurrency ?? "USD",
            Budget = a.BudgetMinor is { } b ? b / (decimal)Math.Pow(10, Currencies.Exponent(a.BudgetCurrency ?? "USD")) : null,
            Availability = PageForms.ToRows(a.Availability),
        };
        Message = TempData["quiz-message"] as string;
    }

    public async Task<IActionResult> OnPostAsync(string? intent)
    {
        var answers = ToAnswers();
        try
        {
            if (intent == "draft")
            {
                await mediator.Send(new SaveQuizDraft(User.GetUserId(), answers), HttpContext.RequestAborted);
                TempData["quiz-message"] = "Draft saved.";
                return RedirectToPage();
            }
            await mediator.Send(new SubmitQuiz(User.GetUserId(), answers), HttpContext.RequestAborted);
            return Redirect("/matches");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
                ModelState.AddModelError("Input." + (e.PropertyName.StartsWith("Budget") ? "Budget" : e.PropertyName), e.ErrorMessage);
        }
        catch (AppException ex) { ModelState.AddError(ex); }
        while (Input.Availability.Count < 7) Input.Availability.Add(new WindowRow());
        return Page();
    }

    private QuizAnswers ToAnswers()
    {
        var currency = (Input.BudgetCurrency ?? "").Trim().ToUpperInvariant();
        return new QuizAnswers
        {
            TargetRoles = Input.TargetRoles, Seniority = Input.Seniority, TargetCompanies = PageForms.SplitList(Input.TargetCompanies),
            InterviewDate = Input.InterviewDate, InterviewTypes = Input.InterviewTypes, FocusAreas = Input.FocusAreas, Languages = Input.Languages,
            TimeZone = Input.TimeZone, BudgetCurrency = currency,
            BudgetMinor = Input.Budget is { } b ? (Math.Abs(b) < 1_000_000_000_000m ? (long)Math.Round(b * (decimal)Math.Pow(10, Currencies.IsSupported(currency) ? Currencies.Exponent(currency) : 2)) : long.MaxValue) : null, // beyond any budget: the validator refuses it
            Availability = PageForms.ToWindows(Input.Availability),
        };
    }
}
