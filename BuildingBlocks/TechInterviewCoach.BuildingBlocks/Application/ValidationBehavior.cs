using FluentValidation;

namespace TechInterviewCoach.BuildingBlocks.Application;

/// <summary>
/// Runs the edge rule for text (<see cref="InputGuard"/>) and then every FluentValidation validator of a request
/// before its handler; one place for all modules. Requests with forbidden text or nulls never reach their validators.
/// </summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = InputGuard.Check(request, "", nulls: false);
        if (failures.Count > 0) throw new ValidationException(failures);
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        return await next();
    }
}
