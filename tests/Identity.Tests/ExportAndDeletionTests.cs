using System.IO.Compression;

namespace TechInterviewCoach.Identity.Tests;

public sealed class ExportAndDeletionTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private static async Task<Dictionary<string, byte[]>> UnzipAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain(".zip");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var files = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var s = entry.Open();
            using var m = new MemoryStream();
            await s.CopyToAsync(m);
            files[entry.FullName] = m.ToArray();
        }
        return files;
    }

    [Fact]
    public async Task The_export_holds_the_profile_and_a_part_from_every_module_with_the_CV_beside_it()
    {
        var person = await app.CreateUserAsync(Roles.Coachee, "Exa Porter", "exa@example.test", "Europe/Rome");
        var files = await UnzipAsync(await person.Client.PostAsync("/api/identity/export", null));

        var identity = JsonSerializer.Deserialize<JsonElement>(files["identity.json"]);
        identity.GetProperty("profile").GetProperty("displayName").GetString().ShouldBe("Exa Porter");
        identity.GetProperty("profile").GetProperty("email").GetString().ShouldBe("exa@example.test");
        identity.GetProperty("profile").GetProperty("timeZone").GetString().ShouldBe("Europe/Rome");
        // Checked by content: each module's JSON carries what that module answered for this person.
        JsonSerializer.Deserialize<JsonElement>(files["matching.json"]).GetProperty("quiz").GetProperty("targetCompany").GetString().ShouldBe("StandInCorp");
        JsonSerializer.Deserialize<JsonElement>(files["messaging.json"]).GetProperty("conversations")[0].GetProperty("messages")[0].GetString().ShouldBe("stand-in message");
        JsonSerializer.Deserialize<JsonElement>(files["orders.json"]).GetProperty("orders")[0].GetProperty("status").GetString().ShouldBe("stand-in-paid");
        foreach (var module in new[] { "matching", "messaging", "orders" })
            JsonSerializer.Deserialize<JsonElement>(files[module + ".json"]).GetProperty("userId").GetGuid().ShouldBe(person.Id);
        files["cv.pdf"].ShouldBe(ModuleExportsStandIn.CvPdf);

        (await app.OutboxAsync(".SendEmail")).ShouldContain(m => m.Payload.Contains(person.Id.ToString()) && m.Payload.Contains("data_export_ready"));
        app.Logs.AllText.ShouldNotContain("exa@example.test");
    }

    [Fact]
    public async Task The_settings_page_offers_the_export_as_a_download()
    {
        var person = await app.CreateUserAsync(Roles.Coach, "Page Export", "page.export@example.test");
        var page = await person.Client.GetPageAsync("/settings");
        var files = await UnzipAsync(await person.Client.SubmitFormAsync(page, "form:has([data-testid=export-data])"));
        files.Keys.ShouldContain("identity.json");
    }

    [Fact]
    public async Task Deletion_is_refused_with_the_reasons_while_an_order_is_still_in_payment()
    {
        var person = await app.CreateUserAsync(Roles.Coachee, "Pen Ding", "pen@example.test");
        app.Blockers.For[person.Id] = ["Order #1042 is waiting for the payment to complete."];

        var problem = await (await person.Client.PostAsJsonAsync("/api/identity/account/delete", new { confirm = "DELETE" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "deletion_blocked");
        problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Order #1042 is waiting for the payment to complete."]);

        var page = await person.Client.GetPageAsync("/settings/delete");
        var answer = await person.Client.SubmitFormAsync(page, "[data-testid=delete-form]", new Dictionary<string, string> { ["Input.Confirm"] = "DELETE" });
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await TestKit.Pages.ParseAsync(await answer.Content.ReadAsStringAsync());
        shown.QuerySelector("[data-testid=deletion-blockers]")!.TextContent.ShouldContain("Order #1042");

        var user = await app.InIdentityAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id));
        user.Status.ShouldBe(UserStatus.Active);
        user.Email.ShouldBe("pen@example.test");
        (await app.OutboxAsync(".UserDeleted")).ShouldNotContain(m => m.Payload.Contains(person.Id.ToString()));
        (await person.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deletion_needs_the_typed_confirmation()
    {
        var person = await app.CreateUserAsync(Roles.Coachee);
        var problem = await (await person.Client.PostAsJsonAsync("/api/identity/account/delete", new { confirm = "yes" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.FieldErrors().Keys.ShouldContain("confirm");
        (await person.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_deletion_the_identity_tables_hold_none_of_the_persons_name_email_or_LinkedIn_id()
    {
        var person = await app.CreateUserAsync(Roles.Coach, "Greta Gone", "greta@example.test", "Europe/Stockholm");
        var sub = "linkedin-sub-greta-" + Guid.NewGuid().ToString("N");
        await app.InIdentityAsync(db => db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LinkedInSub, sub).SetProperty(u => u.PictureUrl, "https://media.licdn.example/greta.jpg")));
        (await person.Client.PutAsJsonAsync("/api/identity/settings",
            new { displayName = "Greta Gone", headline = "Greta's headline", timeZone = "Europe/Stockholm", notificationEmail = "greta.work@example.test" })).EnsureSuccessStatusCode();
        var otherSession = app.CreateHttpsClient();
        await otherSession.SignInAsAsync(person.Id);

        (await person.Client.PostAsJsonAsync("/api/identity/account/delete", new { confirm = "DELETE" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var all = await app.AllIdentityTextAsync();
        all.ShouldNotContain("Greta", Case.Insensitive);
        all.ShouldNotContain("greta@example.test", Case.Insensitive);
        all.ShouldNotContain("greta.work@example.test", Case.Insensitive);
        all.ShouldNotContain(sub);
        all.ShouldNotContain("licdn");
        var user = await app.InIdentityAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id));
        user.Status.ShouldBe(UserStatus.Deleted);
        user.DisplayName.ShouldBe("Deleted user");

        // Signed out everywhere, and cannot sign in to the same account again.
        (await person.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await otherSession.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await app.CreateHttpsClient().PostAsJsonAsync("/api/dev/signin", new { userId = person.Id })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "account_unavailable");

        // Other modules do their part on UserDeleted; the confirmation goes to the address captured before erasure.
        (await app.OutboxAsync(".UserDeleted")).ShouldContain(m => m.Payload.Contains(person.Id.ToString()) && m.Payload.Contains("coach"));
        (await app.OutboxAsync(".SendEmail")).ShouldContain(m => m.Payload.Contains("account_deleted") && m.Payload.Contains("greta.work@example.test"));
        app.Logs.AllText.ShouldNotContain("greta", Case.Insensitive);

        // Others see a deleted user.
        var summary = await app.InScopeAsync(sp => sp.GetRequiredService<MediatR.IMediator>().Send(new TechInterviewCoach.Identity.Contracts.GetUserSummary(person.Id)));
        summary!.IsDeleted.ShouldBeTrue();
        summary.DisplayName.ShouldBe("Deleted user");
        (await app.InScopeAsync(sp => sp.GetRequiredService<MediatR.IMediator>().Send(new TechInterviewCoach.Identity.Contracts.GetUserContact(person.Id)))).ShouldBeNull();
    }

    [Fact]
    public async Task Deleting_from_the_settings_page_signs_the_person_out_and_says_so()
    {
        var person = await app.CreateUserAsync(Roles.Coachee, "Paige Delete", "paige@example.test");
        var page = await person.Client.GetPageAsync("/settings/delete");
        var answer = await person.Client.SubmitFormAsync(page, "[data-testid=delete-form]", new Dictionary<string, string> { ["Input.Confirm"] = "DELETE" });
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answer.Headers.Location!.ToString().ShouldBe("/account-deleted");
        (await person.Client.GetPageAsync("/account-deleted")).QuerySelector("[data-testid=account-deleted]").ShouldNotBeNull();
        (await person.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
