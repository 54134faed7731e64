// The usings most files of the Orders module share (decision 0017).
global using MediatR;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
global using TechInterviewCoach.BuildingBlocks.Application;
global using TechInterviewCoach.BuildingBlocks.Web;
global using TechInterviewCoach.Orders.Contracts;
global using TechInterviewCoach.Orders.Data;
global using TechInterviewCoach.Orders.Domain;
global using TechInterviewCoach.Orders.Features;
global using TechInterviewCoach.Orders.Infrastructure;
global using TechInterviewCoach.SharedKernel;
