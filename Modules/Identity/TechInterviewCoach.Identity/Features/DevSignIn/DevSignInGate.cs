namespace TechInterviewCoach.Identity.Features;

/// <summary>
/// Sign in without LinkedIn, for Development and automated tests only. Allowed in Development when
/// LinkedIn is not configured, or outside Production when Authentication:DevSignIn:Enabled is true.
/// Never in Production, whatever the configuration says.
/// </summary>
internal sealed class DevSignInGate(IConfiguration configuration, IHostEnvironment environment)
{
    public bool Allowed { get; } = !environment.IsProduction() && (
        configuration.GetValue<bool>("Authentication:DevSignIn:Enabled")
        || (environment.IsDevelopment() && string.IsNullOrWhiteSpace(configuration["Authentication:LinkedIn:ClientId"])));
}
