namespace TechInterviewCoach.Platform.Tests;

/// <summary>The app under test for the platform's own behaviour: the whole host, nothing stood in (the TestKit's defaults).</summary>
public class PlatformApp : AppFactory;
