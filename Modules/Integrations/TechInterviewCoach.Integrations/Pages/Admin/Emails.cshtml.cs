using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TechInterviewCoach.Integrations.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
internal sealed class EmailsModel(IMediator mediator, IOptions<ResendOptions> resend) : PageModel
{
    [FromQuery] public EmailStatus? Status { get; set; }
    public IReadOnlyList<AdminEmailRow> Rows { get; private set; } = [];
    public bool EmailEnabled => resend.Value.Enabled;

    public async Task OnGetAsync(CancellationToken ct) => Rows = await mediator.Send(new ListAdminEmails(Status), ct);
}
