// The namespaces most files of this project use (decision 0017: one GlobalUsings.cs per project).
global using MediatR;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
global using TechInterviewCoach.BuildingBlocks.Application;
global using TechInterviewCoach.BuildingBlocks.Outbox;
global using TechInterviewCoach.BuildingBlocks.Persistence;
global using TechInterviewCoach.SharedKernel;
