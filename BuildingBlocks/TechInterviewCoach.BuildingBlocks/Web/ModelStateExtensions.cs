using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TechInterviewCoach.BuildingBlocks.Web;

/// <summary>Lets a Razor page show a handler's validation failures as form errors next to the fields.</summary>
public static class ModelStateExtensions
{
    /// <param name="prefix">The page's bound property name, e.g. "Input".</param>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationException ex, string prefix = "Input")
    {
        foreach (var error in ex.Errors)
            modelState.AddModelError(string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
    }

    public static void AddError(this ModelStateDictionary modelState, AppException ex, string prefix = "Input")
    {
        var key = ex is InputException input ? (string.IsNullOrEmpty(prefix) ? input.Field : $"{prefix}.{input.Field}") : string.Empty;
        modelState.AddModelError(key, ex.Message);
    }
}
