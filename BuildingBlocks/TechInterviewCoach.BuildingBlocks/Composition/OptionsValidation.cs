using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace TechInterviewCoach.BuildingBlocks.Composition;

public static class OptionsValidation
{
    /// <summary>
    /// Binds a section and validates it when the app starts: a wrong value stops the app with a message
    /// that names the configuration key, e.g. "Orders:PlatformFeePercent: must be between 0 and 50."
    /// Options may implement <see cref="IValidatableObject"/> for rules across fields.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section));
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    private sealed class SectionValidator<T>(string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            if (results.Count == 0) return ValidateOptionsResult.Success;
            return ValidateOptionsResult.Fail(results.Select(r =>
            {
                var members = r.MemberNames.Any() ? r.MemberNames : [""];
                return string.Join("; ", members.Select(m => $"{section}{(m.Length > 0 ? ":" + m : "")}: {r.ErrorMessage}"));
            }));
        }
    }
}
