using Microsoft.AspNetCore.Diagnostics;
using TechInterviewCoach.BuildingBlocks.Application;

namespace TechInterviewCoach.Host.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Message { get; private set; } = "";

    public void OnGet(int? status) => Build(status);
    public void OnPost(int? status) => Build(status);

    private void Build(int? status)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        Status = status ?? (exception is AppException app ? app.StatusCode : HttpContext.Response.StatusCode is >= 400 and var s ? s : 500);
        Message = exception is AppException known ? known.Message : Status switch
        {
            400 => "That request could not be understood.",
            403 => "You do not have access to this page.",
            404 => "We could not find that page.",
            429 => "Too many requests. Please wait a moment and try again.",
            _ => "Something went wrong on our side. It has been reported, and nothing you saved was lost.",
        };
    }
}
