namespace TechInterviewCoach.Messaging.Tests;

internal sealed record Started(Guid ConversationId, bool Created, Msg Message);
internal sealed record Msg(Guid Id, Guid ConversationId, long Seq, Guid SenderId, string SenderName, bool Mine, string Text, DateTime SentAt, bool Read);
internal sealed record Conv(Guid Id, Guid CoacheeId, Guid CoachId, Guid OtherPartyId, string OtherPartyName, string MyRole,
    DateTime StartedAt, DateTime LastMessageAt, long LastSeq, int Unread, long MyReadSeq, long OtherReadSeq, bool Closed, bool Blocked, bool BlockedByMe);
internal sealed record Unread(int Count);
internal sealed record SseEvent(string? Id, string Type, string Data);

/// <summary>The chat API as the tests use it.</summary>
internal static class Chat
{
    public static async Task<(TestUser Coachee, TestUser Coach)> PairAsync(MessagingApp app)
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee, "Cora Coachee", null, "Europe/Berlin");
        var coach = await app.CreateUserAsync(Roles.Coach, "Kai Coach", null, "America/New_York");
        return (coachee, coach);
    }

    public static Task<HttpResponseMessage> TryStartAsync(this TestUser coachee, Guid coachId, string? text) =>
        coachee.Client.PostAsJsonAsync("/api/messaging/conversations", new { coachId, text });

    public static async Task<Started> StartAsync(this TestUser coachee, Guid coachId, string text = "Hello, can you help me prepare for a staff interview?")
    {
        var response = await coachee.TryStartAsync(coachId, text);
        return await response.ReadJsonAsync<Started>(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> TrySendAsync(this TestUser user, Guid conversationId, string? text) =>
        user.Client.PostAsJsonAsync($"/api/messaging/conversations/{conversationId}/messages", new { text });

    public static async Task<Msg> SendAsync(this TestUser user, Guid conversationId, string text) =>
        await (await user.TrySendAsync(conversationId, text)).ReadJsonAsync<Msg>(HttpStatusCode.Created);

    public static Task<List<Msg>> MessagesAsync(this TestUser user, Guid conversationId, long? after = null) =>
        user.Client.GetJsonAsync<List<Msg>>($"/api/messaging/conversations/{conversationId}/messages" + (after is null ? "" : $"?after={after}"));

    public static Task<List<Conv>> ConversationsAsync(this TestUser user) => user.Client.GetJsonAsync<List<Conv>>("/api/messaging/conversations");

    public static async Task<int> UnreadAsync(this TestUser user) => (await user.Client.GetJsonAsync<Unread>("/api/messaging/unread")).Count;

    public static async Task MarkReadAsync(this TestUser user, Guid conversationId, long seq) =>
        (await user.Client.PostAsJsonAsync($"/api/messaging/conversations/{conversationId}/read", new { seq })).StatusCode.ShouldBe(HttpStatusCode.OK);
}

/// <summary>An open text/event-stream response, read event by event.</summary>
internal sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(60));

    private SseReader(HttpResponseMessage response, StreamReader reader) { _response = response; _reader = reader; }

    public HttpStatusCode Status => _response.StatusCode;

    public static async Task<SseReader> OpenAsync(HttpClient client, string url, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        return new SseReader(response, reader);
    }

    /// <summary>The next event (pings skipped); null when the server ended the stream.</summary>
    public async Task<SseEvent?> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(15));
        string? id = null, type = null;
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cts.Token);
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (data.Count == 0 && type is null) continue;
                var e = new SseEvent(id, type ?? "message", string.Join("\n", data));
                if (e.Type == "ping") { id = null; type = null; data.Clear(); continue; }
                return e;
            }
            if (line.StartsWith("id:")) id = line[3..].TrimStart();
            else if (line.StartsWith("event:")) type = line[6..].TrimStart();
            else if (line.StartsWith("data:")) data.Add(line[5..].TrimStart());
        }
    }

    /// <summary>The next event of the type, skipping others.</summary>
    public async Task<SseEvent> NextOfTypeAsync(string type, TimeSpan? timeout = null)
    {
        while (true)
        {
            var e = await NextAsync(timeout) ?? throw new InvalidOperationException("stream ended");
            if (e.Type == type) return e;
        }
    }

    public async Task<Msg> NextMessageAsync(TimeSpan? timeout = null)
    {
        var e = await NextOfTypeAsync("message", timeout);
        var m = JsonSerializer.Deserialize<Msg>(e.Data, HttpClientExtensions.Json)!;
        e.Id.ShouldBe(m.Seq.ToString(), "the event id is the message's sequence number");
        return m;
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        _reader.Dispose();
        _response.Dispose();
        _cts.Dispose();
    }
}
