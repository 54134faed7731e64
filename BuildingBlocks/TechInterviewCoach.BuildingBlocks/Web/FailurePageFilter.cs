using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TechInterviewCoach.BuildingBlocks.Web;

/// <summary>
/// A page that shows a failed form again with its errors. The <see cref="FailurePageFilter"/> puts the failure on the
/// form (field errors beside their fields, anything else in the summary), calls <see cref="ReloadAsync"/> so the page has
/// what it shows, and renders it again with status 200: the person keeps what they typed and reads what to change.
/// </summary>
public interface IFormPage
{
    /// <summary>The bound property the form's fields belong to ("Input" for <c>asp-for="Input.Name"</c>), or "" for top-level fields.</summary>
    string FormPrefix => "Input";

    /// <summary>Loads what the page shows after a failed POST, before it is rendered again.</summary>
    Task ReloadAsync(CancellationToken ct);
}

/// <summary>
/// On a page that only passes a person on (a vendor's return address, say), an <see cref="AppException"/> from its
/// handler leads to <see cref="Url"/> instead of an error: the page there shows the state as it is.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OnFailureRedirectAttribute(string url) : Attribute
{
    public string Url { get; } = url;
}

/// <summary>
/// The one place page handlers' failures are turned into what a person sees (the API's counterpart is the exception
/// handler in <see cref="ProblemDetailsSetup"/>):
/// <list type="bullet">
/// <item>a validation failure or an <see cref="AppException"/> on an <see cref="IFormPage"/>: the form again, with the errors;</item>
/// <item>an <see cref="AppException"/> on a page marked <see cref="OnFailureRedirectAttribute"/>: a redirect to its address;</item>
/// <item>a <see cref="NotFoundException"/>: the 404 page, on any page;</item>
/// <item>anything else, or a failure on a page that is no form: left to the exception handler (the error page with the status).</item>
/// </list>
/// Page models therefore hold no catch blocks for these.
/// </summary>
public sealed class FailurePageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } failure || executed.ExceptionHandled) return;
        if (failure is AppException && context.HandlerInstance.GetType().GetCustomAttributes(typeof(OnFailureRedirectAttribute), true)
                is [OnFailureRedirectAttribute redirect, ..])
        {
            executed.Result = new RedirectResult(redirect.Url);
            executed.ExceptionHandled = true;
            return;
        }
        if (failure is NotFoundException)
        {
            executed.Result = new NotFoundResult();
            executed.ExceptionHandled = true;
            return;
        }
        if (context.HandlerInstance is not IFormPage form || failure is not (ValidationException or AppException)) return;
        var modelState = context.ModelState;
        if (failure is ValidationException validation) modelState.AddErrors(validation, form.FormPrefix);
        else modelState.AddError((AppException)failure, form.FormPrefix);
        await form.ReloadAsync(context.HttpContext.RequestAborted);
        executed.Result = new PageResult();
        executed.ExceptionHandled = true;
    }
}
