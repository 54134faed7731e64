using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TechInterviewCoach.BuildingBlocks.Web;

/// <summary>
/// Applies <see cref="InputGuard"/> to every minimal-API endpoint's bound arguments before the handler runs: a body's fields
/// are named as the JSON names them (<c>targetCompanies[0]</c>), a query or route value by its parameter name (<c>search</c>).
/// Failures become the usual 400 <c>validation_failed</c> problem.
/// </summary>
public static class InputGuardFilter
{
    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var isService = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var guarded = new List<(int Index, string Path)>();
        var parameters = context.MethodInfo.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (!InputGuard.IsGuarded(p.ParameterType)) continue;
            if (p.GetCustomAttributes(typeof(FromServicesAttribute), true).Length > 0) continue;
            if (p.ParameterType != typeof(string) && isService?.IsService(p.ParameterType) == true) continue;
            // Text and lists of text from the query or route are named by the parameter; an object's fields by themselves.
            var named = p.ParameterType == typeof(string) || (p.ParameterType.IsArray && p.ParameterType.GetElementType() == typeof(string));
            guarded.Add((i, named ? p.Name ?? "" : ""));
        }
        if (guarded.Count == 0) return next;
        return invocation =>
        {
            List<FluentValidation.Results.ValidationFailure>? failures = null;
            foreach (var (index, path) in guarded)
            {
                if (index >= invocation.Arguments.Count) continue;
                var found = InputGuard.Check(invocation.Arguments[index], path);
                if (found.Count > 0) (failures ??= []).AddRange(found);
            }
            if (failures is not null) throw new ValidationException(failures);
            return next(invocation);
        };
    }
}
