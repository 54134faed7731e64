// The namespaces most files of this project use (decision 0017: one GlobalUsings.cs per project).
global using System.Reflection;
global using Shouldly;
global using TechInterviewCoach.TestKit;
global using Xunit;
