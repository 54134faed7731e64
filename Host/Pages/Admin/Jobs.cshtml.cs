using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace TechInterviewCoach.Host.Pages.Admin;

/// <summary>The outbox as admins see it: what is waiting, retrying or dead-lettered, and why.</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class JobsModel(PlatformDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(Guid Id, string Module, string Type, OutboxStatus Status, int Attempts, DateTime OccurredAt, DateTime NextAttemptAt, string? LastError);

    [FromQuery] public OutboxStatus? Status { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var status = Status ?? OutboxStatus.DeadLettered;
        Rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Status == status)
            .OrderByDescending(m => m.OccurredAt).Take(200)
            .Select(m => new Row(m.Id, m.Module, m.Type, m.Status, m.Attempts, m.OccurredAt, m.NextAttemptAt, m.LastError))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        await db.RetryAsync(id, time.GetUtcNow().UtcDateTime, ct);
        return RedirectToPage(new { status = OutboxStatus.DeadLettered });
    }
}
