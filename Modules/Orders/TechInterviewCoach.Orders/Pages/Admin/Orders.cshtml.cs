namespace TechInterviewCoach.Orders.Pages;

[Authorize(Policy = Policies.Admin)]
internal sealed class AdminOrdersModel(IMediator mediator) : PageModel
{
    /// <summary>The filter form as typed: amounts in major units of the chosen currency, dates as days in the admin's zone.</summary>
    internal sealed class FilterForm
    {
        public string? Q { get; set; }
        public string? State { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public string? CoachId { get; set; }
        public string? CoacheeId { get; set; }
        public string? Currency { get; set; }
        public string? MinAmount { get; set; }
        public string? MaxAmount { get; set; }
        public int? Page { get; set; }
    }

    [BindProperty(SupportsGet = true)] public FilterForm Query { get; set; } = new();
    public OrderPage Orders { get; private set; } = new([], 1, 25, 0);
    public string QueryString { get; private set; } = "";
    public string? CsvLink { get; private set; }
    public string? Err(string field) => ModelState.TryGetValue("Query." + field, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;

    public async Task OnGetAsync()
    {
        QueryString = Request.QueryString.Value ?? "";
        var filter = ToFilter();
        if (filter is null) return;
        Orders = await mediator.Send(new SearchOrders(filter), HttpContext.RequestAborted);
        CsvLink = AdminOrderQuery.CsvLink(filter);
    }

    private OrderFilter? ToFilter()
    {
        ModelState.Clear(); // the binder's own messages are replaced by the ones below
        var q = Query;
        void Error(string field, string message) => ModelState.AddModelError("Query." + field, message);
        OrderState? state = null;
        if (!string.IsNullOrWhiteSpace(q.State))
        {
            if (Enum.TryParse<OrderState>(q.State, true, out var s) && Enum.IsDefined(s)) state = s;
            else Error(nameof(q.State), "Choose a status from the list.");
        }
        var zone = User.GetTimeZone();
        DateTime? Day(string? text, string field, int addDays)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
                || d.Year < 2000 || d.Year > 2200)
            {
                Error(field, "Enter a date like 2026-11-30.");
                return null;
            }
            return TimeZoneInfo.ConvertTimeToUtc(d.AddDays(addDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
        }
        var from = Day(q.From, nameof(q.From), 0);
        var to = Day(q.To, nameof(q.To), 1); // the whole "to" day
        if (from is not null && to is not null && from >= to) Error(nameof(q.To), "“Ordered to” must be on or after “Ordered from”.");
        Guid? Id(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (Guid.TryParse(text.Trim(), out var g)) return g;
            Error(field, "Enter a whole person id (as on their admin page), e.g. 0193…-….");
            return null;
        }
        var coach = Id(q.CoachId, nameof(q.CoachId));
        var coachee = Id(q.CoacheeId, nameof(q.CoacheeId));
        string? currency = null;
        if (!string.IsNullOrWhiteSpace(q.Currency))
        {
            if (Currencies.IsSupported(q.Currency.Trim())) currency = q.Currency.Trim().ToUpperInvariant();
            else Error(nameof(q.Currency), "Choose a currency from the list.");
        }
        long? Amount(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (currency is null)
            {
                if (string.IsNullOrWhiteSpace(q.Currency)) Error(nameof(q.Currency), "Choose the currency of the amounts.");
                return null;
            }
            if (Currencies.TryParseMajor(text, currency, out var minor, out var error)) return minor;
            Error(field, error);
            return null;
        }
        var min = Amount(q.MinAmount, nameof(q.MinAmount));
        var max = Amount(q.MaxAmount, nameof(q.MaxAmount));
        if (min is not null && max is not null && min > max) Error(nameof(q.MaxAmount), "“Amount to” must be at least “Amount from”.");
        var term = q.Q?.Trim();
        if (term is { Length: > 100 }) Error(nameof(q.Q), "Search for at most 100 characters.");
        if (!ModelState.IsValid) return null;
        return new OrderFilter(state, from, to, coach, coachee, min, max, string.IsNullOrEmpty(term) ? null : term, Math.Clamp(q.Page ?? 1, 1, 100_000), 25, currency);
    }
}
