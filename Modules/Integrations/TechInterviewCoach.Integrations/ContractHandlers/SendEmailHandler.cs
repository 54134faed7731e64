namespace TechInterviewCoach.Integrations.ContractHandlers;

/// <summary>
/// Records and sends one transactional email per outbox message. At-least-once delivery is safe: the record is
/// keyed by the outbox message id (a unique index) and Resend gets that id as its Idempotency-Key, so a retry
/// after a lost answer never sends twice. Retryable failures are rethrown for the outbox's backoff; a refusal
/// (4xx) dead-letters at once. The address is looked up at send time and never stored.
/// </summary>
internal sealed class SendEmailHandler(
    IntegrationsDbContext db,
    IMediator mediator,
    IEmailGateway gateway,
    EmailRenderer renderer,
    OutboxExecutionContext outbox,
    IOptions<ResendOptions> resend,
    IOptions<EmailOptions> email,
    IOptions<OutboxOptions> outboxOptions,
    TimeProvider time,
    ILogger<SendEmailHandler> logger) : INotificationHandler<SendEmail>
{
    public async Task Handle(SendEmail notification, CancellationToken cancellationToken)
    {
        var messageId = outbox.MessageId ?? Guid.CreateVersion7();
        var record = await db.Emails.SingleOrDefaultAsync(e => e.OutboxMessageId == messageId, cancellationToken);
        if (record is { IsFinished: true }) return; // already handled: a redelivery

        var now = time.GetUtcNow().UtcDateTime;
        RenderedEmail? rendered = null;
        PermanentFailureException? invalid = null;
        try { rendered = renderer.Render(notification.Email, notification.LinkPath); }
        catch (PermanentFailureException ex) { invalid = ex; }

        if (record is null)
        {
            record = new EmailRecord
            {
                Id = Guid.CreateVersion7(),
                OutboxMessageId = messageId,
                Template = Truncate(notification.Template, 60),
                RecipientUserId = notification.ToUserId,
                Subject = Truncate(rendered?.Subject ?? "(not rendered: " + (invalid?.Message ?? "unknown template") + ")", 300),
                Status = EmailStatus.Queued,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Emails.Add(record);
        }

        if (invalid is not null)
        {
            await FinishAsync(record, EmailStatus.DeadLettered, invalid.Message, cancellationToken);
            throw invalid;
        }

        if (!resend.Value.Enabled)
        {
            await FinishAsync(record, EmailStatus.NotSentNoKey, null, cancellationToken);
            return;
        }

        var address = await ResolveAddressAsync(notification, cancellationToken);
        if (address is null)
        {
            logger.LogInformation("Email {EmailId} ({Template}) not sent: the recipient is deleted or unknown", record.Id, record.Template);
            await FinishAsync(record, EmailStatus.SkippedNoRecipient, null, cancellationToken);
            return;
        }

        record.Attempts++;
        try
        {
            var invite = CalendarInvite.For(notification.Email, email.Value.From, now);
            var resendId = await gateway.SendAsync(new OutgoingEmail(email.Value.From, address, rendered!.Subject, rendered.Html, rendered.Text,
                invite is null ? null : [invite]), messageId.ToString(), cancellationToken);
            record.ResendId = resendId is null ? null : Truncate(resendId, 100);
            record.SentAt = time.GetUtcNow().UtcDateTime;
            await FinishAsync(record, EmailStatus.Sent, null, cancellationToken);
            logger.LogInformation("Email {EmailId} ({Template}) sent, Resend id {ResendId}", record.Id, record.Template, record.ResendId);
        }
        catch (PermanentFailureException ex)
        {
            await FinishAsync(record, EmailStatus.DeadLettered, ex.Message, cancellationToken);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var last = outbox.Attempt >= outboxOptions.Value.MaxAttempts;
            var reason = ex is EmailTransientException ? ex.Message : Scrub.Text($"{ex.GetType().Name}: {ex.Message}", 500);
            await FinishAsync(record, last ? EmailStatus.DeadLettered : EmailStatus.Failed, reason, cancellationToken);
            if (ex is EmailTransientException) throw;
            throw new EmailTransientException(reason, ex);
        }
    }

    private async Task<string?> ResolveAddressAsync(SendEmail notification, CancellationToken cancellationToken)
    {
        if (notification.ToUserId is { } userId)
        {
            var contact = await mediator.Send(new GetUserContact(userId), cancellationToken);
            if (contact is not null) return contact.Email;
        }
        // Only the account-deleted confirmation names an address: the account is gone by then.
        return string.IsNullOrWhiteSpace(notification.ToAddress) ? null : notification.ToAddress;
    }

    private async Task FinishAsync(EmailRecord record, EmailStatus status, string? error, CancellationToken cancellationToken)
    {
        record.Status = status;
        record.LastError = error is null ? null : Scrub.Text(error);
        record.UpdatedAt = time.GetUtcNow().UtcDateTime;
        // The record must be saved whatever happens to the send (and after the vendor was called), so not with the request's token.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Truncate(string value, int max) => value.Length > max ? value[..max] : value;
}
