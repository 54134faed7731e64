namespace TechInterviewCoach.Journeys.Tests;

/// <summary>
/// Money typed in major units, listings that can be edited, confirmations before what cannot be undone, a PDF 2.0 CV,
/// and order pages that speak to the coachee and the coach, each as a person does it in Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MoneyAndPagesJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    /// <summary>A minimal but complete PDF 2.0 (ISO 32000-2): header, catalog, page tree, one page, a correct xref table and trailer.</summary>
    internal static byte[] Pdf20()
    {
        var latin1 = Encoding.Latin1;
        var body = new List<byte>();
        var offsets = new List<int>();
        void Add(string s) => body.AddRange(latin1.GetBytes(s));
        Add("%PDF-2.0\n%\u00e2\u00e3\u00cf\u00d3\n");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        ];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(body.Count);
            Add($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = body.Count;
        Add($"xref\n0 {objects.Length + 1}\n0000000000 65535 f\r\n");
        foreach (var o in offsets) Add($"{o:D10} 00000 n\r\n");
        Add($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return body.ToArray();
    }

    [Fact]
    public async Task A_coachee_uploads_a_PDF_2_0_cv_and_deleting_it_asks_for_confirmation_first()
    {
        var page = await browser.NewPageAsync(_app.ServerAddress);
        await JourneysApp.SignInAsNewAsync(page, "coachee", "Pdf Two Coachee");
        await page.GotoAsync("/cv");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "cv-pdf2.pdf", MimeType = "application/pdf", Buffer = Pdf20() });
        await page.ClickAsync("[data-testid=cv-upload]");
        await Assertions.Expect(page.Locator("[data-testid=cv-current]")).ToContainTextAsync("cv-pdf2.pdf");

        // Delete needs the box ticked: without it the CV stays.
        await page.ClickAsync("[data-testid=cv-delete]");
        await Assertions.Expect(page.Locator("[data-testid=cv-current]")).ToContainTextAsync("cv-pdf2.pdf");
        await page.CheckAsync("[data-testid=cv-delete-form] input[name=confirm]");
        await page.ClickAsync("[data-testid=cv-delete]");
        await Assertions.Expect(page.Locator("[data-testid=cv-none]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("p.success")).ToContainTextAsync("Your CV is deleted");
    }

    [Fact]
    public async Task A_coach_types_prices_in_major_units_edits_a_listing_and_a_paid_order_keeps_its_price()
    {
        var listingId = await CheckoutJourneyTests.CoachWithListingAsync(browser, _app, "Price Coach", 1); // EUR 100.00 via the API
        var coachPage = await browser.NewPageAsync(_app.ServerAddress);
        var errors = new List<string>();
        coachPage.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        coachPage.Response += (_, r) => { if (r.Status >= 500) errors.Add($"{r.Status} {r.Url}"); };
        await JourneysApp.SignInAsNewAsync(coachPage, "coach", "Typing Coach");
        var profile = await coachPage.Context.APIRequest.PutAsync("/api/matching/coach/profile", new()
        {
            DataObject = new
            {
                headline = "Mocks", bio = "", yearsOfExperience = 5, companies = Array.Empty<string>(), roles = new[] { "backend" },
                interviewTypes = new[] { "coding" }, coachedCounts = new Dictionary<string, int>(), languages = new[] { "en" },
                timeZone = "Europe/Berlin", availability = new[] { new { day = "Monday", start = "09:00", end = "12:00" } }, isPublished = true,
            },
        });
        profile.Status.ShouldBe(204);

        // 120 means EUR 120.00, not EUR 1.20.
        await coachPage.GotoAsync("/coach/listings");
        await coachPage.FillAsync("input[name='Input.Title']", "Behavioural mock");
        await coachPage.FillAsync("input[name='Input.Price']", "120");
        await coachPage.SelectOptionAsync("select[name='Input.Currency']", "EUR");
        await coachPage.ClickAsync("[data-testid=save-listing]");
        await Assertions.Expect(coachPage.Locator("[data-testid=done]")).ToContainTextAsync("EUR 120.00");
        await Assertions.Expect(coachPage.Locator("[data-testid=listing]", new() { HasText = "Behavioural mock" }).Locator("[data-testid=listing-price]")).ToHaveTextAsync("EUR 120.00");

        // A huge number is a form error on the field, never a server error; JPY takes whole amounts.
        await coachPage.FillAsync("input[name='Input.Title']", "Too dear");
        await coachPage.FillAsync("input[name='Input.Price']", "99999999999999999999999");
        await coachPage.ClickAsync("[data-testid=save-listing]");
        await Assertions.Expect(coachPage.Locator("[data-testid=price-error]")).ToContainTextAsync("too large");
        await coachPage.FillAsync("input[name='Input.Price']", "1200.50");
        await coachPage.SelectOptionAsync("select[name='Input.Currency']", "JPY");
        await coachPage.ClickAsync("[data-testid=save-listing]");
        await Assertions.Expect(coachPage.Locator("[data-testid=price-error]")).ToContainTextAsync("whole amount");

        // Edit: the form shows the price as typed, the change is saved.
        await coachPage.GotoAsync("/coach/listings");
        await coachPage.Locator("[data-testid=listing]", new() { HasText = "Behavioural mock" }).Locator("[data-testid=edit-listing]").ClickAsync();
        await Assertions.Expect(coachPage.Locator("input[name='Input.Price']")).ToHaveValueAsync("120.00");
        await coachPage.FillAsync("input[name='Input.Title']", "Behavioural mock, 90 minutes");
        await coachPage.FillAsync("input[name='Input.SessionMinutes']", "90");
        await coachPage.FillAsync("input[name='Input.Price']", "95.5");
        await coachPage.ClickAsync("[data-testid=save-listing]");
        var edited = coachPage.Locator("[data-testid=listing]", new() { HasText = "Behavioural mock, 90 minutes" });
        await Assertions.Expect(edited.Locator("[data-testid=listing-price]")).ToHaveTextAsync("EUR 95.50");
        await Assertions.Expect(edited).ToContainTextAsync("90 min");
        (await coachPage.Locator("[data-testid=listing]").CountAsync()).ShouldBe(1, "editing changed the listing, it did not add one");

        // A paid order keeps the price it was charged when the listing's price changes afterwards.
        var buyer = await browser.NewPageAsync(_app.ServerAddress);
        await JourneysApp.SignInAsNewAsync(buyer, "coachee", "Price Keeper");
        await buyer.GotoAsync($"/checkout/{listingId}");
        await buyer.Locator("[data-testid=slot]").Nth(30).CheckAsync();
        await buyer.ClickAsync("[data-testid=pay]");
        await buyer.ClickAsync("[data-testid=sim-pay]");
        await Assertions.Expect(buyer.Locator("[data-testid=order-state]")).ToHaveTextAsync("Paid", new() { Timeout = 20_000 });
        var orderUrl = buyer.Url.Split('?')[0];

        var priceCoach = await browser.NewPageAsync(_app.ServerAddress);
        // The listing's coach raises its price on the page.
        var coachId = await CoachIdOfListingAsync(listingId);
        await JourneysApp.SignInAsync(priceCoach, coachId);
        await priceCoach.GotoAsync($"/coach/listings?edit={listingId}");
        await Assertions.Expect(priceCoach.Locator("input[name='Input.Price']")).ToHaveValueAsync("100.00");
        await priceCoach.FillAsync("input[name='Input.Price']", "150");
        await priceCoach.ClickAsync("[data-testid=save-listing]");
        await Assertions.Expect(priceCoach.Locator("[data-testid=done]")).ToContainTextAsync("EUR 150.00");

        await buyer.GotoAsync(orderUrl);
        await Assertions.Expect(buyer.Locator("[data-testid=gross]")).ToHaveTextAsync("EUR 100.00");
        await buyer.GotoAsync($"/checkout/{listingId}");
        await Assertions.Expect(buyer.Locator("[data-testid=price]")).ToHaveTextAsync("EUR 150.00");
        errors.ShouldBeEmpty(string.Join(" | ", errors));
    }

    private async Task<Guid> CoachIdOfListingAsync(Guid listingId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var listing = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new TechInterviewCoach.Matching.Contracts.GetListingForPurchase(listingId));
        return listing!.CoachId;
    }

    [Fact]
    public async Task A_huge_quiz_budget_is_a_form_error_and_a_typed_budget_is_kept_in_major_units()
    {
        var page = await browser.NewPageAsync(_app.ServerAddress);
        var serverErrors = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 500) serverErrors.Add($"{r.Status} {r.Url}"); };
        await JourneysApp.SignInAsNewAsync(page, "coachee", "Budget Coachee");
        await page.GotoAsync("/quiz");
        await page.FillAsync("input[name='Input.Budget']", "99999999999999999999999");
        await page.SelectOptionAsync("select[name='Input.BudgetCurrency']", "EUR");
        await page.ClickAsync("[data-testid=quiz-submit]");
        await Assertions.Expect(page.Locator("[data-error-for=budget]")).ToContainTextAsync("too large");
        serverErrors.ShouldBeEmpty();
        await Assertions.Expect(page.Locator("input[name='Input.Budget']")).ToHaveValueAsync("99999999999999999999999");
    }

    [Fact]
    public async Task The_order_pages_tell_the_coachee_and_the_coach_what_was_booked_and_what_happens_next_and_money_actions_ask_first()
    {
        var listingId = await CheckoutJourneyTests.CoachWithListingAsync(browser, _app, "Reader Coach", 2); // EUR 200.00, two sessions
        var coachee = await browser.NewPageAsync(_app.ServerAddress, timezoneId: "America/New_York");
        var errors = new List<string>();
        coachee.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        coachee.Response += (_, r) => { if (r.Status >= 500) errors.Add($"{r.Status} {r.Url}"); };
        var coacheeId = await JourneysApp.SignInAsNewAsync(coachee, "coachee", "Reader Coachee");
        await coachee.GotoAsync($"/checkout/{listingId}");
        await coachee.Locator("[data-testid=slot]").Nth(40).CheckAsync();
        await coachee.Locator("[data-testid=slot]").Nth(60).CheckAsync();
        await coachee.ClickAsync("[data-testid=pay]");
        await coachee.ClickAsync("[data-testid=sim-pay]");
        await Assertions.Expect(coachee.Locator("[data-testid=order-state]")).ToHaveTextAsync("Paid", new() { Timeout = 20_000 });
        var orderUrl = coachee.Url.Split('?')[0];

        // The coachee's page: who, when, what next, how to cancel; no Stripe or actor ids.
        var text = (await coachee.Locator("main").TextContentAsync())!;
        text.ShouldContain("with Reader Coach");
        (await coachee.Locator("[data-testid=next-steps]").TextContentAsync())!.ShouldContain("cancel a session up to 24 hours before it starts");
        text.ShouldNotContain("cs_sim_");
        text.ShouldNotContain("pi_sim_");
        text.ShouldNotContain("evt_sim_");
        text.ShouldNotContain("coachee:");
        text.ShouldNotContain(coacheeId.ToString());
        await Assertions.Expect(coachee.Locator("[data-testid=session]", new() { HasText = "Booked" })).ToHaveCountAsync(2);

        // The coach's bookings page lists the next sessions; the coach refunds part, after confirming.
        var coach = await browser.NewPageAsync(_app.ServerAddress);
        await JourneysApp.SignInAsync(coach, await CoachIdOfListingAsync(listingId));
        await coach.GotoAsync("/coach/orders");
        await Assertions.Expect(coach.Locator("[data-testid=upcoming] tr", new() { HasText = "Reader Coachee" })).ToHaveCountAsync(2);
        await coach.GotoAsync(orderUrl);
        (await coach.Locator("[data-testid=net]").TextContentAsync())!.ShouldBe("EUR 170.00");
        await coach.FillAsync("[data-testid=refund-form] input[name=amount]", "99999999999999999999999");
        await coach.FillAsync("[data-testid=refund-form] input[name=reason]", "Late start");
        await coach.CheckAsync("[data-testid=refund-form] input[name=confirm]");
        await coach.ClickAsync("[data-testid=refund]");
        await Assertions.Expect(coach.Locator("[data-testid=errors]")).ToContainTextAsync("too large");
        await coach.FillAsync("[data-testid=refund-form] input[name=amount]", "20");
        await coach.FillAsync("[data-testid=refund-form] input[name=reason]", "Late start");
        await coach.CheckAsync("[data-testid=refund-form] input[name=confirm]");
        await coach.ClickAsync("[data-testid=refund]");
        await Assertions.Expect(coach.Locator("[data-testid=done]")).ToContainTextAsync("refund of EUR 20.00");
        (await coach.Locator("[data-testid=order-summary]").TextContentAsync())!.ShouldNotContain("Refunded EUR 0.00");
        await Assertions.Expect(coach.Locator("[data-testid=refunds]")).ToContainTextAsync("EUR 20.00");

        // The coachee cancels one session, after confirming; the page says what happened and shows the new state.
        await coachee.GotoAsync(orderUrl);
        var first = coachee.Locator("[data-testid=session]", new() { HasText = "Booked" }).First;
        await first.Locator("[data-testid=cancel-session]").ClickAsync();
        await Assertions.Expect(coachee.Locator("[data-testid=session]", new() { HasText = "Booked" })).ToHaveCountAsync(2); // not ticked: nothing happened
        await first.Locator("input[name=confirm]").CheckAsync();
        await first.Locator("[data-testid=cancel-session]").ClickAsync();
        await Assertions.Expect(coachee.Locator("[data-testid=done]")).ToContainTextAsync("is cancelled");
        await Assertions.Expect(coachee.Locator("[data-testid=session]", new() { HasText = "Booked" })).ToHaveCountAsync(1);
        await Assertions.Expect(coachee.Locator("[data-testid=session]", new() { HasText = "Cancelled" })).ToHaveCountAsync(1);
        errors.ShouldBeEmpty(string.Join(" | ", errors));
    }

    [Fact]
    public async Task The_admin_finds_an_order_by_the_start_of_its_id_or_Stripe_id_and_a_bad_filter_says_what_is_wrong()
    {
        var listingId = await CheckoutJourneyTests.CoachWithListingAsync(browser, _app, "Searchable Coach", 1);
        var coachee = await browser.NewPageAsync(_app.ServerAddress);
        await JourneysApp.SignInAsNewAsync(coachee, "coachee", "Searchable Coachee");
        await coachee.GotoAsync($"/checkout/{listingId}");
        await coachee.Locator("[data-testid=slot]").Nth(5).CheckAsync();
        await coachee.ClickAsync("[data-testid=pay]");
        await coachee.ClickAsync("[data-testid=sim-pay]");
        await Assertions.Expect(coachee.Locator("[data-testid=order-state]")).ToHaveTextAsync("Paid", new() { Timeout = 20_000 });
        var orderId = Guid.Parse(coachee.Url.Split("/orders/")[1].Split('?')[0]);

        var admin = await browser.NewPageAsync(_app.ServerAddress);
        var serverErrors = new List<string>();
        admin.Response += (_, r) => { if (r.Status >= 500) serverErrors.Add($"{r.Status} {r.Url}"); };
        await JourneysApp.SignInAsNewAsync(admin, "admin", "Searching Admin");
        foreach (var term in new[] { orderId.ToString()[..8], orderId.ToString()[..8].ToUpperInvariant(), "cs_sim_" + orderId.ToString("N")[..12], "pi_sim_" + orderId.ToString("N")[..10], "searchable coachee", "Searchable Coach" })
        {
            await admin.GotoAsync("/admin/orders");
            await admin.FillAsync("input[name='Query.Q']", term);
            await admin.ClickAsync("[data-testid=filter]");
            await Assertions.Expect(admin.Locator("[data-testid=orders] tr", new() { HasText = "Coding mock" })).ToHaveCountAsync(1);
        }

        // Amounts in major units of a chosen currency; a bad filter is a form error on its field, not an empty list.
        await admin.GotoAsync("/admin/orders");
        await admin.SelectOptionAsync("select[name='Query.Currency']", "EUR");
        await admin.FillAsync("input[name='Query.MinAmount']", "99.99");
        await admin.FillAsync("input[name='Query.MaxAmount']", "100");
        await admin.ClickAsync("[data-testid=filter]");
        await Assertions.Expect(admin.Locator("[data-testid=orders] tr", new() { HasText = "Coding mock" })).ToHaveCountAsync(1);
        await admin.FillAsync("input[name='Query.MinAmount']", "100.01");
        await admin.ClickAsync("[data-testid=filter]");
        await Assertions.Expect(admin.Locator("#f-max-err")).ToContainTextAsync("at least");
        await admin.FillAsync("input[name='Query.MinAmount']", "99999999999999999999999");
        await admin.FillAsync("input[name='Query.CoachId']", "not-an-id");
        await admin.ClickAsync("[data-testid=filter]");
        await Assertions.Expect(admin.Locator("#f-min-err")).ToContainTextAsync("too large");
        await Assertions.Expect(admin.Locator("#f-coach-err")).ToContainTextAsync("person id");
        await Assertions.Expect(admin.Locator("#f-coach")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(admin.Locator("[data-testid=filter-errors]")).ToBeVisibleAsync();
        // The filter's labels are the list's column labels.
        foreach (var column in new[] { "Ordered", "Coach", "Coachee", "Amount", "Status" })
            (await admin.Locator("[data-testid=order-filters] label", new() { HasText = column }).CountAsync()).ShouldBeGreaterThan(0, column);
        serverErrors.ShouldBeEmpty();
    }
}
