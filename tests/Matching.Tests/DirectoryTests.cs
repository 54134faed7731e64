namespace TechInterviewCoach.Matching.Tests;

/// <summary>The public directory over HTTP on PostgreSQL: search, each filter, sort, pages and bad input.</summary>
public sealed class DirectoryTests : IAsyncLifetime
{
    private readonly MatchingApp app = new();
    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => app.DisposeAsync();

    private sealed record Page(List<Card> Items, int Total, int PageNumber, int PageSize);
    private sealed record Card(Guid CoachId, string DisplayName, string Headline);

    private async Task<List<string>> NamesAsync(HttpClient client, string query) =>
        (await client.GetJsonAsync<Page>("/api/matching/coaches?" + query)).Items.Select(c => c.DisplayName).ToList();

    [Fact]
    public async Task Search_finds_coaches_by_name_headline_and_company_with_every_word_required()
    {
        await app.CreateListedCoachAsync("Ada Lovelace", Fixtures.Profile(headline: "Compiler engineer", companies: ["Google"]));
        await app.CreateListedCoachAsync("Grace Hopper", Fixtures.Profile(headline: "Staff engineer at a bank", companies: ["Stripe"]));
        await app.CreateListedCoachAsync("Linus Byte", Fixtures.Profile(headline: "Kernel hacker", companies: ["Google", "Meta"]));
        var anon = app.CreateClient();

        (await NamesAsync(anon, "q=lovelace")).ShouldBe(["Ada Lovelace"]);
        (await NamesAsync(anon, "q=BANK")).ShouldBe(["Grace Hopper"]);
        (await NamesAsync(anon, "q=google")).ShouldBe(["Ada Lovelace", "Linus Byte"], ignoreOrder: true);
        (await NamesAsync(anon, "q=google%20kernel")).ShouldBe(["Linus Byte"]);
        (await NamesAsync(anon, "q=nobody")).ShouldBeEmpty();
        (await NamesAsync(anon, "q=%20%20")).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Each_filter_narrows_the_directory_to_the_coaches_that_fit()
    {
        var mondayEvening = new object[] { new { day = "Monday", start = "18:00", end = "21:00" } };
        await app.CreateListedCoachAsync("Cheap Coder", Fixtures.Profile(types: ["coding"], languages: ["en"], roles: ["backend"], availability: mondayEvening), Fixtures.Listing(price: 5000));
        await app.CreateListedCoachAsync("Pricey Designer", Fixtures.Profile(types: ["system_design"], languages: ["de", "en"], roles: ["frontend"]), Fixtures.Listing(price: 20000));
        await app.CreateListedCoachAsync("Euro Coach", Fixtures.Profile(types: ["coding"], languages: ["de"]), Fixtures.Listing(price: 9000, currency: "EUR"));
        var anon = app.CreateClient();

        (await NamesAsync(anon, "interviewType=system_design")).ShouldBe(["Pricey Designer"]);
        (await NamesAsync(anon, "language=de")).ShouldBe(["Pricey Designer", "Euro Coach"], ignoreOrder: true);
        (await NamesAsync(anon, "role=frontend")).ShouldBe(["Pricey Designer"]);
        (await NamesAsync(anon, "minPrice=60&maxPrice=250")).ShouldBe(["Pricey Designer"]);
        (await NamesAsync(anon, "maxPrice=50")).ShouldBe(["Cheap Coder"]);
        (await NamesAsync(anon, "currency=EUR&maxPrice=100.50")).ShouldBe(["Euro Coach"]);
        // The coach is in Berlin: Monday 18:00–21:00 there is 17:00–20:00 UTC in winter, 16:00–19:00 in summer; 19:00 Berlin is inside either way.
        (await NamesAsync(anon, "day=monday&hour=19&tz=Europe/Berlin")).ShouldBe(["Cheap Coder"]);
        (await NamesAsync(anon, "day=monday&hour=9&tz=Europe/Berlin")).ShouldBeEmpty();
        (await NamesAsync(anon, "day=tuesday&hour=19&tz=Europe/Berlin")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sorting_by_price_responsiveness_and_best_match_orders_the_coaches()
    {
        var slow = await app.CreateListedCoachAsync("Slow Cheap", Fixtures.Profile(types: ["coding"]), Fixtures.Listing(price: 3000));
        var fast = await app.CreateListedCoachAsync("Fast Mid", Fixtures.Profile(types: ["coding"]), Fixtures.Listing(price: 8000));
        var fit = await app.CreateListedCoachAsync("Best Fit", Fixtures.Profile(types: ["system_design"], companies: ["Google"], counts: new() { ["system_design"] = 40 }), Fixtures.Listing(price: 12000));
        var now = DateTime.UtcNow;
        await app.PublishAsync(new CoachResponsivenessMeasured(slow.Id, 600, 3, 0, now));
        await app.PublishAsync(new CoachResponsivenessMeasured(fast.Id, 5, 3, 0, now));
        var anon = app.CreateClient();

        (await NamesAsync(anon, "sort=price")).ShouldBe(["Slow Cheap", "Fast Mid", "Best Fit"]);
        (await NamesAsync(anon, "sort=responsiveness")).ShouldBe(["Fast Mid", "Slow Cheap", "Best Fit"]);

        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(companies: ["Google"], types: ["system_design"]));
        (await NamesAsync(coachee.Client, "sort=match"))[0].ShouldBe("Best Fit");
        (await NamesAsync(coachee.Client, ""))[0].ShouldBe("Best Fit");
    }

    [Fact]
    public async Task Previous_and_next_pages_walk_the_whole_result_once_and_the_page_links_keep_the_search()
    {
        for (var i = 0; i < 5; i++) await app.CreateListedCoachAsync($"Pager {i}", Fixtures.Profile(headline: "Paging expert"));
        await app.CreateListedCoachAsync("Someone Else", Fixtures.Profile(headline: "Other"));
        var anon = app.CreateClient();

        var seen = new List<string>();
        for (var p = 1; p <= 3; p++)
        {
            var page = await anon.GetJsonAsync<Page>($"/api/matching/coaches?q=paging&pageSize=2&page={p}");
            page.Total.ShouldBe(5);
            seen.AddRange(page.Items.Select(c => c.DisplayName));
        }
        seen.Count.ShouldBe(5);
        seen.Distinct().Count().ShouldBe(5);

        var html = await anon.GetPageAsync("/coaches?q=paging&sort=price");
        html.QuerySelectorAll("[data-testid=coach-card]").Length.ShouldBe(5);
        html.QuerySelector("#q")!.GetAttribute("value").ShouldBe("paging");
        var empty = await anon.GetPageAsync("/coaches?q=nobody-like-this");
        empty.QuerySelector("[data-testid=clear-filters]")!.GetAttribute("href").ShouldBe("/coaches");
    }

    [Theory]
    [InlineData("q=%01%02", "validation_failed")]
    [InlineData("sort=cheapest", "validation_failed")]
    [InlineData("interviewType=juggling", "unknown_filter")]
    [InlineData("minPrice=abc", "bad_price")]
    [InlineData("minPrice=-5", "bad_price")]
    [InlineData("minPrice=90&maxPrice=10", "bad_filter")]
    [InlineData("day=someday&hour=3", "validation_failed")]
    [InlineData("day=monday&hour=99", "validation_failed")]
    [InlineData("day=monday&hour=abc", "bad_filter")]
    [InlineData("day=monday&hour=7pm", "bad_filter")]
    [InlineData("hour=19", "validation_failed")]
    [InlineData("currency=XXX", "validation_failed")]
    public async Task Bad_search_input_gets_a_400_with_a_stable_code_and_the_page_shows_a_form_error(string query, string code)
    {
        await app.CreateListedCoachAsync("Some Coach", Fixtures.Profile());
        var anon = app.CreateClient();
        await (await anon.GetAsync("/api/matching/coaches?" + query)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        var html = await anon.GetPageAsync("/coaches?" + query);
        html.QuerySelector("[data-testid=search-error]").ShouldNotBeNull();
        html.QuerySelectorAll("[data-testid=coach-card]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_search_of_ten_thousand_characters_is_refused_not_a_server_error()
    {
        var anon = app.CreateClient();
        var longQuery = new string('a', 10_000);
        await (await anon.GetAsync("/api/matching/coaches?q=" + longQuery)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await anon.GetPageAsync("/coaches?q=" + longQuery)).QuerySelector("[data-testid=search-error]")!.TextContent.ShouldContain("at most 200");
    }

    [Fact]
    public async Task A_shared_link_with_a_day_and_hour_shows_the_same_coaches_to_a_visitor_in_another_zone()
    {
        // Monday 18:00–21:00 in Berlin: 20:00 Berlin is inside; 20:00 UTC is 21:00 or 22:00 in Berlin, outside.
        await app.CreateListedCoachAsync("Evening Coach", Fixtures.Profile(availability: [new { day = "Monday", start = "18:00", end = "21:00" }]));
        var coachee = await app.CreateUserAsync(Roles.Coachee, "Berlin Searcher", null, "Europe/Berlin");
        var own = await coachee.Client.GetPageAsync("/coaches?day=monday&hour=20");
        own.QuerySelectorAll("[data-testid=coach-card] h2").Select(h => h.TextContent).ShouldBe(["Evening Coach"]);
        // The form carries the searcher's zone, so the link it makes says which 20:00 it means.
        own.QuerySelector("#coach-filters input[name=tz]")!.GetAttribute("value").ShouldBe("Europe/Berlin");

        var visitor = app.CreateClient();
        var shared = await visitor.GetPageAsync("/coaches?day=monday&hour=20&tz=Europe%2FBerlin");
        shared.QuerySelectorAll("[data-testid=coach-card] h2").Select(h => h.TextContent).ShouldBe(["Evening Coach"]);
        var utc = await visitor.GetPageAsync("/coaches?day=monday&hour=20");
        utc.QuerySelectorAll("[data-testid=coach-card]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_sort_the_newest_coaches_come_first_as_the_sort_menu_says()
    {
        await app.CreateListedCoachAsync("First Signed Up", Fixtures.Profile());
        await app.CreateListedCoachAsync("Second Signed Up", Fixtures.Profile());
        await app.CreateListedCoachAsync("Third Signed Up", Fixtures.Profile());
        var anon = app.CreateClient();
        (await NamesAsync(anon, "")).ShouldBe(["Third Signed Up", "Second Signed Up", "First Signed Up"]);
        var html = await anon.GetPageAsync("/coaches");
        html.QuerySelector("select[name=sort] option[selected]")!.TextContent.ShouldBe("Newest coaches first");
        html.QuerySelectorAll("[data-testid=coach-card] h2").Select(h => h.TextContent).ShouldBe(["Third Signed Up", "Second Signed Up", "First Signed Up"]);
    }

    [Fact]
    public async Task Best_match_in_the_directory_counts_the_cv_like_the_matches_page()
    {
        // Alike for the quiz; the generalist has coached more people, so leads on the quiz alone. The CV names the specialist's skills.
        await app.CreateListedCoachAsync("Kim Specialist", Fixtures.Profile(types: ["system_design"], skills: ["Kubernetes", "Go"]));
        await app.CreateListedCoachAsync("Gene Generalist", Fixtures.Profile(types: ["system_design"], counts: new() { ["system_design"] = 40 }, skills: ["React"]));
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(types: ["system_design"]));
        (await NamesAsync(coachee.Client, "sort=match")).ShouldBe(["Gene Generalist", "Kim Specialist"]);

        (await coachee.Client.UploadCvAsync(Fixtures.Pdf("Robin Example", "Skills: Kubernetes, Golang"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var matches = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches");
        matches.Items.Select(m => m.Coach.DisplayName).ShouldBe(["Kim Specialist", "Gene Generalist"]);
        (await NamesAsync(coachee.Client, "sort=match")).ShouldBe(["Kim Specialist", "Gene Generalist"]);
    }

    [Fact]
    public async Task A_non_numeric_hour_on_the_page_gets_the_form_error_instead_of_being_ignored()
    {
        await app.CreateListedCoachAsync("Some Coach", Fixtures.Profile());
        var html = await app.CreateClient().GetPageAsync("/coaches?day=monday&hour=abc");
        html.QuerySelector("[data-testid=search-error]")!.TextContent.ShouldContain("The hour is not a number");
        html.QuerySelectorAll("[data-testid=coach-card]").ShouldBeEmpty();
        var problem = await (await app.CreateClient().GetAsync("/api/matching/coaches?day=monday&hour=abc")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bad_filter");
        problem.FieldErrors().ShouldContainKey("hour");
    }
}
