using Microsoft.Extensions.Options;

namespace TechInterviewCoach.Platform.Tests;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Outbox:MaxAttempts", "0", "Outbox:MaxAttempts")]
    [InlineData("Outbox:PollInterval", "00:00:00", "Outbox:PollInterval")]
    [InlineData("Database:SqlitePath", "", "Database:SqlitePath")]
    public async Task A_wrong_setting_stops_the_app_with_a_message_that_names_the_key(string key, string value, string named)
    {
        await using var app = new PlatformApp { Database = TestDatabase.Sqlite };
        await app.InitializeAsync();
        app.Settings[key] = value;
        var error = Should.Throw<OptionsValidationException>(() => app.StartServer());
        error.Message.ShouldContain(named);
    }

    [Fact]
    public async Task A_setting_of_the_wrong_type_names_the_key()
    {
        await using var app = new PlatformApp { Database = TestDatabase.Sqlite };
        await app.InitializeAsync();
        app.Settings["Outbox:BatchSize"] = "lots";
        var error = Should.Throw<Exception>(() => app.StartServer());
        error.ToString().ShouldContain("Outbox:BatchSize");
    }
}
