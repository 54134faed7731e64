// The namespaces most files of this project use (decision 0017: one GlobalUsings.cs per project).
global using System.Net;
global using System.Net.Http.Json;
global using System.Text;
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using Microsoft.Extensions.DependencyInjection;
global using Shouldly;
global using TechInterviewCoach.TestKit;
global using Xunit;
