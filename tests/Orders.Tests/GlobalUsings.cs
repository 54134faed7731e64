// The usings most files of the Orders tests share (decision 0017).
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Shouldly;
global using TechInterviewCoach.Orders.Contracts;
global using TechInterviewCoach.Orders.Data;
global using TechInterviewCoach.Orders.Domain;
global using TechInterviewCoach.Orders.Features;
global using TechInterviewCoach.Orders.Infrastructure;
global using TechInterviewCoach.SharedKernel;
global using TechInterviewCoach.TestKit;
global using Xunit;
