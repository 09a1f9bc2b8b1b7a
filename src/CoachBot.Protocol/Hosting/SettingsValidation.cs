using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Protocol.Hosting;

/// <summary>Binding of settings whose validation errors name the configuration key, not the C# property.</summary>
public static class SettingsValidation
{
    /// <summary>
    /// Binds the options to the configuration section <paramref name="sectionName"/> and checks their data annotations
    /// (<c>[Range]</c>, <c>[Required]</c>...) like <c>ValidateDataAnnotations</c>, but each failure names the key an
    /// operator sets: "Scheduler:PollInterval: The field PollInterval must be between 00:00:01 and 00:10:00.", where
    /// the framework names only the options class and property.
    /// </summary>
    public static OptionsBuilder<TOptions> BindSettings<TOptions>(this OptionsBuilder<TOptions> builder, string sectionName)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(sectionName);
        builder.BindConfiguration(sectionName);
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new AnnotatedSettingsValidator<TOptions>(builder.Name, sectionName));
        return builder;
    }

    private sealed class AnnotatedSettingsValidator<TOptions>(string? optionsName, string sectionName) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            if (optionsName is not null && !string.Equals(optionsName, name, StringComparison.Ordinal))
            {
                return ValidateOptionsResult.Skip;
            }

            ArgumentNullException.ThrowIfNull(options);
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                return ValidateOptionsResult.Success;
            }

            return ValidateOptionsResult.Fail(results.Select(result =>
            {
                var keys = result.MemberNames.Any() ? string.Join(", ", result.MemberNames.Select(member => $"{sectionName}:{member}")) : sectionName;
                return $"{keys}: {result.ErrorMessage}";
            }));
        }
    }
}
