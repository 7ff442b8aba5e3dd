using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Passkeys;

/// <summary>
/// <c>Web:PasskeyRpId</c> must be a host name; outside Development (the loopback demo) it must be set,
/// because a wrong default would bind every passkey to a name the site is not served under.
/// </summary>
public sealed class PasskeyOptionsValidation(IHostEnvironment environment) : IValidateOptions<PasskeyOptions>
{
    public ValidateOptionsResult Validate(string? name, PasskeyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PasskeyRpId))
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Web:PasskeyRpId is required outside loopback (the host name people open, such as files.example.com).");
        }

        return PasskeyOrigins.IsHostName(options.RpId)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Web:PasskeyRpId must be a host name such as files.example.com (no scheme, port or IP address), not '{options.PasskeyRpId}'.");
    }
}
