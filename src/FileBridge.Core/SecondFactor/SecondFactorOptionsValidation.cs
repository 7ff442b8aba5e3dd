using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.SecondFactor;

/// <summary>The start-up checks DataAnnotations cannot express: the policy's value, the date and the key.</summary>
public sealed class SecondFactorOptionsValidation(IHostEnvironment environment) : IValidateOptions<SecondFactorOptions>
{
    public ValidateOptionsResult Validate(string? name, SecondFactorOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.SecondFactor))
        {
            failures.Add("Login:SecondFactor must be Off, Optional or Required.");
        }

        if (!SecondFactorOptions.TryParseUtc(options.EnrollWithPasswordUntil, out _))
        {
            failures.Add("Login:EnrollWithPasswordUntil must be a UTC date such as 2026-01-31 or 2026-01-31T18:00:00Z.");
        }

        if (!string.IsNullOrWhiteSpace(options.SecretsKey))
        {
            if (!SecretsKey.TryDecode(options.SecretsKey, out _))
            {
                // The value itself is a secret: the message never quotes it.
                failures.Add($"Login:SecretsKey must be base64 of {SecondFactorOptions.SecretsKeyBytes} random bytes.");
            }
        }
        else if (!environment.IsDevelopment())
        {
            failures.Add("Login:SecretsKey is required outside Development (a Key Vault reference on Azure); it must never live in the storage account.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
