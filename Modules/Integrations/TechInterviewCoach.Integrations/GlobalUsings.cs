// The namespaces most files of the Integrations module use (decision 0017: one GlobalUsings.cs per project).
global using MediatR;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Hosting;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
global using TechInterviewCoach.BuildingBlocks.Application;
global using TechInterviewCoach.BuildingBlocks.Outbox;
global using TechInterviewCoach.BuildingBlocks.Persistence;
global using TechInterviewCoach.BuildingBlocks.Web;
global using TechInterviewCoach.Identity.Contracts;
global using TechInterviewCoach.Integrations.ContractHandlers;
global using TechInterviewCoach.Integrations.Contracts;
global using TechInterviewCoach.Integrations.Data;
global using TechInterviewCoach.Integrations.Domain;
global using TechInterviewCoach.Integrations.Features;
global using TechInterviewCoach.Integrations.Infrastructure;
global using TechInterviewCoach.SharedKernel;
