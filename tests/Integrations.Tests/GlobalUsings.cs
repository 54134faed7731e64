// The namespaces most tests of this project use (decision 0017: one GlobalUsings.cs per project).
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using MediatR;
global using Microsoft.Extensions.DependencyInjection;
global using Shouldly;
global using TechInterviewCoach.BuildingBlocks.Application;
global using TechInterviewCoach.BuildingBlocks.Outbox;
global using TechInterviewCoach.Integrations.ContractHandlers;
global using TechInterviewCoach.Integrations.Contracts;
global using TechInterviewCoach.Integrations.Data;
global using TechInterviewCoach.Integrations.Domain;
global using TechInterviewCoach.Integrations.Features;
global using TechInterviewCoach.Integrations.Infrastructure;
global using TechInterviewCoach.SharedKernel;
global using TechInterviewCoach.TestKit;
global using Xunit;
