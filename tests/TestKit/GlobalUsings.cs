// The namespaces most files of this project use (decision 0017: one GlobalUsings.cs per project).
global using System.Net;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using Shouldly;
global using Xunit;
