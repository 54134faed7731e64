using TechInterviewCoach.Identity;
using TechInterviewCoach.Integrations;
using TechInterviewCoach.Matching;
using TechInterviewCoach.Messaging;
using TechInterviewCoach.Orders;

// The host only composes. Each module registers its services, handlers, pages and endpoints itself;
// modules talk to each other only through MediatR with types from each other's Contracts.
IModule[] modules = [new IdentityModule(), new MatchingModule(), new MessagingModule(), new OrdersModule(), new IntegrationsModule()];

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform(modules);

var app = builder.Build();
// `dotnet TechInterviewCoach.Host.dll migrate` applies the migrations and exits.
if (await app.MigrateAsync(args)) return;
app.UsePlatform(modules);
app.Run();

/// <summary>Entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
