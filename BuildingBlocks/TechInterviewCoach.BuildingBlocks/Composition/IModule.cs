using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace TechInterviewCoach.BuildingBlocks.Composition;

/// <summary>
/// A module's whole composition surface: the host creates one of these per module and calls it.
/// The MediatR handlers, validators and Razor pages of the module's assembly are picked up by the platform.
/// </summary>
public interface IModule
{
    /// <summary>Schema on PostgreSQL, table prefix on SQLite, route segment under /api.</summary>
    string Name { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
