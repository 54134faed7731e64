namespace TechInterviewCoach.Platform.Tests.Fuzz;

/// <summary>
/// The document describes what each endpoint really reads: a body made from the document's schema alone is read by the
/// endpoint (no binding failure), and when it is refused, the refusal names only fields the schema has (semantic rules such
/// as "choose a role from the list"), never a field the document does not mention.
/// </summary>
public sealed class OpenApiDocumentTests(PlatformApp app) : IClassFixture<PlatformApp>
{
    [Fact]
    public async Task A_sample_body_from_the_document_is_read_by_every_endpoint_that_takes_one()
    {
        var people = await People.CreateAsync(app);
        var doc = OpenApiModel.Parse(await app.CreateHttpsClient().GetStringAsync("/openapi/v1.json"));
        var withBody = doc.Operations().Where(o => o.BodyContentType == "application/json" && !o.Path.Contains("delete")).ToList();
        withBody.Count.ShouldBeGreaterThan(10);
        var failures = new List<string>();
        foreach (var op in withBody)
        {
            var sample = doc.Sample(op.BodySchema!, "body", people.IdForProperty)!;
            var documented = (doc.Properties(op.BodySchema!) ?? new JsonObject()).Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var path = op.Parameters.Where(p => p.In == "path").Aggregate(op.Path, (acc, p) => acc.Replace($"{{{p.Name}}}", people.IdFor(op, p.Name)));
            foreach (var role in People.Roles)
            {
                var request = new HttpRequestMessage(new HttpMethod(op.Method), path) { Content = new StringContent(sample.ToJsonString(), Encoding.UTF8, "application/json") };
                var response = await people[role].SendAsync(request);
                var status = (int)response.StatusCode;
                if (status is 401 or 403) continue; // not this role's operation
                var text = await response.Content.ReadAsStringAsync();
                if (status >= 500) failures.Add($"{op} as {role}: {status}");
                if (status == 400)
                {
                    var problem = JsonSerializer.Deserialize<JsonElement>(text);
                    var code = problem.GetProperty("code").GetString();
                    if (code != "validation_failed" && !(problem.TryGetProperty("errors", out _) && code is not ("invalid_input" or "bad_request")))
                        failures.Add($"{op} as {role}: the document's sample was not read ({code}): {text}");
                    foreach (var key in problem.FieldErrors().Keys)
                    {
                        var root = key.Split('.', '[')[0];
                        if (!documented.Contains(root)) failures.Add($"{op} as {role}: refused field '{key}', which the document does not describe (it lists {string.Join(", ", documented)})");
                    }
                }
                break;
            }
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Fact]
    public async Task Each_request_body_has_its_own_schema()
    {
        var doc = JsonNode.Parse(await app.CreateHttpsClient().GetStringAsync("/openapi/v1.json"))!;
        string Ref(string path, string method) => doc["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        Ref("/api/identity/settings", "put").ShouldNotBe(Ref("/api/identity/onboarding", "post"));
        Ref("/api/identity/account/delete", "post").ShouldNotBe(Ref("/api/identity/onboarding", "post"));
        Ref("/api/messaging/conversations/{id}/messages", "post").ShouldNotBe(Ref("/api/messaging/conversations", "post"));
        Ref("/api/messaging/messages/{messageId}/report", "post").ShouldNotBe(Ref("/api/messaging/conversations", "post"));
        var settings = doc["components"]!["schemas"]![Ref("/api/identity/settings", "put").Split('/').Last()]!["properties"]!.AsObject();
        settings.Select(p => p.Key).ShouldContain("displayName");
    }
}
