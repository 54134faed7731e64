using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace TechInterviewCoach.Identity.Tests;

public sealed class RealModulesTests(RealMatchingApp app) : IClassFixture<RealMatchingApp>
{
    private static object Quiz(string company) => new
    {
        targetRoles = new[] { "backend" }, seniority = "senior", targetCompanies = new[] { company },
        interviewDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"),
        interviewTypes = new[] { "system_design" }, focusAreas = new[] { "distributed" }, languages = new[] { "en" },
        timeZone = "Europe/Berlin", budgetMinor = 15000, budgetCurrency = "USD",
        availability = new object[] { new { day = "Monday", start = "18:00", end = "21:00" } },
    };

    private static byte[] Pdf(string marker) => TinyPdf.Text(marker); // a readable PDF: uploads read it

    private static async Task QuizAndCvAsync(HttpClient client, string company, byte[] cv)
    {
        var quiz = await client.PostAsJsonAsync("/api/matching/quiz/submit", Quiz(company));
        quiz.StatusCode.ShouldBe(HttpStatusCode.NoContent, await quiz.Content.ReadAsStringAsync());
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(cv);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "my-cv.pdf");
        var upload = await client.PostAsync("/api/matching/cv", form);
        upload.StatusCode.ShouldBe(HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_export_carries_the_quiz_and_CV_that_Matching_holds_for_the_person()
    {
        var person = await app.CreateUserAsync(Roles.Coachee, "Real Export", "real.export@example.test", "Europe/Berlin");
        var company = "ExportCo" + Guid.NewGuid().ToString("N")[..8];
        var cv = Pdf("export-" + company);
        await QuizAndCvAsync(person.Client, company, cv);

        var response = await person.Client.PostAsync("/api/identity/export", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        string Read(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
        var matching = JsonSerializer.Deserialize<JsonElement>(Read("matching.json"));
        matching.GetProperty("quizSubmissions")[0].GetProperty("answers").GetProperty("targetCompanies")[0].GetString().ShouldBe(company);
        using var cvStream = new MemoryStream();
        await using (var s = zip.GetEntry("cv.pdf")!.Open()) await s.CopyToAsync(cvStream);
        cvStream.ToArray().ShouldBe(cv);
        zip.GetEntry("identity.json").ShouldNotBeNull();
        zip.GetEntry("messaging.json").ShouldNotBeNull();
        zip.GetEntry("orders.json").ShouldNotBeNull();
    }

    [Fact]
    public async Task After_deletion_neither_Identity_nor_Matching_holds_the_persons_name_email_quiz_or_CV()
    {
        var person = await app.CreateUserAsync(Roles.Coachee, "Quinn Quizzer", "quinn@example.test", "Europe/Berlin");
        var company = "GoneCo" + Guid.NewGuid().ToString("N")[..8];
        await QuizAndCvAsync(person.Client, company, Pdf("cv-" + company));
        (await app.AllSchemaTextAsync("matching")).ShouldContain(company);
        int CvFiles() => Directory.Exists(app.CvDirectory) ? Directory.EnumerateFiles(app.CvDirectory, "*", SearchOption.AllDirectories).Count() : 0;
        var filesBefore = CvFiles();
        filesBefore.ShouldBeGreaterThan(0);

        (await person.Client.PostAsJsonAsync("/api/identity/account/delete", new { confirm = "DELETE" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await app.WaitForOutboxAsync();

        var identity = await app.AllIdentityTextAsync();
        identity.ShouldNotContain("Quinn", Case.Insensitive);
        identity.ShouldNotContain("quinn@example.test", Case.Insensitive);
        var matching = await app.AllSchemaTextAsync("matching");
        matching.ShouldNotContain(company);
        matching.ShouldNotContain("Quinn", Case.Insensitive);
        CvFiles().ShouldBe(filesBefore - 1, "the CV file is removed from storage");
    }
}
