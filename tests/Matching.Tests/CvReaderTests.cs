namespace TechInterviewCoach.Matching.Tests;

/// <summary>Reading a CV: real PDFs written in the test, read with PdfPig, and the facts matching takes from them.</summary>
public sealed class CvReaderTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly Dictionary<string, string> NoOtherCompanies = [];

    private static CvFacts ReadPdf(byte[] pdf, IReadOnlyDictionary<string, string>? others = null)
    {
        var (outcome, lines) = CvReader.Text(pdf);
        outcome.ShouldBe(PdfTextOutcome.Read);
        return CvReader.Read(lines, others ?? NoOtherCompanies, Today);
    }

    private static readonly string[] Cv =
    [
        "Jane Example",
        "Senior Backend Engineer",
        "Skills: k8s, Golang, Postgres, React.js, Kafka",
        "Experience",
        "Senior Backend Engineer, Stripe | Mar 2020 - present",
        "Payment APIs in Go on Kubernetes.",
        "Software Engineer at Zalando",
        "2016 - 2020",
        "Education",
        "BSc Computer Science, TU Berlin, 2012 - 2016",
    ];

    [Fact]
    public void Skills_are_found_by_their_aliases_and_named_as_the_vocabulary_names_them()
    {
        var facts = ReadPdf(TinyPdf.Text(Cv));
        facts.HasText.ShouldBeTrue();
        facts.Skills.ShouldBe(["Kubernetes", "Go", "PostgreSQL", "React", "Kafka"], ignoreOrder: true);
    }

    [Fact]
    public void A_word_inside_another_is_not_a_skill_and_English_words_need_their_exact_case()
    {
        var facts = ReadPdf(TinyPdf.Text("Built JavaScript apps at Google; go-to person for the Spring release; C. Smith's team", "Contributed to spring cleaning"));
        facts.Skills.ShouldContain("JavaScript");
        facts.Skills.ShouldNotContain("Java");
        facts.Skills.ShouldNotContain("Go");
        facts.Skills.ShouldNotContain("C");
        facts.Skills.ShouldContain("Spring"); // "Spring" capitalised is the framework; "spring cleaning" alone would not be
        ReadPdf(TinyPdf.Text("Contributed to spring cleaning")).Skills.ShouldNotContain("Spring");
    }

    [Fact]
    public void Past_employers_are_known_companies_on_dated_work_lines_or_after_at()
    {
        var facts = ReadPdf(TinyPdf.Text([.. Cv, "Interests: Google Cloud certifications, Netflix documentaries"]));
        facts.Employers.ShouldBe(["Stripe", "Zalando"]);
    }

    [Fact]
    public void A_company_a_coach_names_counts_as_an_employer_too()
    {
        var others = new Dictionary<string, string> { [CvReader.CompanyKey("Acme Robotics")] = "Acme Robotics" };
        var facts = ReadPdf(TinyPdf.Text("Robotics Engineer, Acme Robotics GmbH, 2019 - 2023"), others);
        facts.Employers.ShouldBe(["Acme Robotics"]);
    }

    [Fact]
    public void Years_of_experience_add_up_work_ranges_once_each_and_leave_out_education()
    {
        // 2016–2020 (4 years) + March 2020 to November 2026 (6 years 8 months); the degree's 2012–2016 does not count.
        ReadPdf(TinyPdf.Text(Cv)).YearsOfExperience.ShouldBe(10);
        // Overlapping jobs count once: 2018–2022 and 2020–2021 are four years.
        ReadPdf(TinyPdf.Text("Engineer, Uber, 2018 - 2022", "Advisor, Lyft, 2020 - 2021")).YearsOfExperience.ShouldBe(4);
    }

    [Fact]
    public void A_stated_number_of_years_wins_over_the_ranges()
    {
        ReadPdf(TinyPdf.Text("Backend developer with 12+ years of professional experience", "Developer, Shopify, 2021 - present")).YearsOfExperience.ShouldBe(12);
    }

    [Fact]
    public void The_title_is_the_latest_jobs_and_the_seniority_comes_from_it()
    {
        var facts = ReadPdf(TinyPdf.Text(Cv));
        facts.Title.ShouldBe("Senior Backend Engineer");
        facts.Seniority.ShouldBe("senior");

        var staff = ReadPdf(TinyPdf.Text("Software Engineer, Meta, 2012 - 2018", "Staff Software Engineer, Google, 2018 - present"));
        staff.Title.ShouldBe("Staff Software Engineer");
        staff.Seniority.ShouldBe("staff");

        var manager = ReadPdf(TinyPdf.Text("Engineering Manager, Spotify, Jan 2022 - present"));
        manager.Seniority.ShouldBe("manager");
    }

    [Fact]
    public void A_title_without_a_level_takes_the_seniority_from_the_years()
    {
        var facts = ReadPdf(TinyPdf.Text("Frontend Developer, Zalando, 2023 - present"));
        facts.Title.ShouldBe("Frontend Developer");
        facts.YearsOfExperience.ShouldBe(3);
        facts.Seniority.ShouldBe("mid");
    }

    [Fact]
    public void A_scanned_pdf_without_text_reads_as_no_text_not_as_an_error()
    {
        var facts = ReadPdf(TinyPdf.Scanned());
        facts.HasText.ShouldBeFalse();
        facts.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void An_encrypted_pdf_and_a_malformed_one_are_told_apart()
    {
        CvReader.Text(TinyPdf.Encrypted("Senior Engineer")).Outcome.ShouldBe(PdfTextOutcome.Encrypted);
        CvReader.Text(TinyPdf.Malformed()).Outcome.ShouldBe(PdfTextOutcome.Malformed);
    }

    [Fact]
    public void The_vocabulary_has_a_few_hundred_terms_and_every_alias_leads_to_one_term()
    {
        Vocabulary.Skills.Terms.Count.ShouldBeGreaterThanOrEqualTo(200);
        Vocabulary.Skills.Find("k8s")!.Name.ShouldBe("Kubernetes");
        Vocabulary.Skills.Find("golang")!.Name.ShouldBe("Go");
        Vocabulary.Skills.Find("nodejs")!.Name.ShouldBe("Node.js");
        Vocabulary.Skills.Find("Basket weaving").ShouldBeNull();
        Vocabulary.Skills.Terms.Select(t => t.Name).ShouldBeUnique();
    }
}
