using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TechInterviewCoach.BuildingBlocks.Application;

/// <summary>
/// MediatR 5.1.0 has no AddMediatR: this registers the mediator, the validation behaviour, and every
/// request handler and notification handler found in the given assemblies; validators come from FluentValidation's
/// AddValidatorsFromAssembly. Only API that
/// MediatR 12 still has is used, so an upgrade is mechanical (docs/decisions/0002-mediatr-5.md).
/// </summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddMediatorCore(this IServiceCollection services)
    {
        services.TryAddScoped<ServiceFactory>(sp => sp.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        services.TryAddEnumerable(ServiceDescriptor.Transient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>)));
        return services;
    }

    public static IServiceCollection AddHandlersFrom(this IServiceCollection services, Assembly assembly)
    {
        services.AddMediatorCore();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var iface in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var def = iface.GetGenericTypeDefinition();
                if (def == typeof(IRequestHandler<,>) || def == typeof(INotificationHandler<>))
                    services.TryAddEnumerable(ServiceDescriptor.Transient(iface, type));
            }
        }
        // FluentValidation's own scan (FluentValidation.DependencyInjectionExtensions); validators are internal to their module.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Transient, includeInternalTypes: true);
        return services;
    }
}
