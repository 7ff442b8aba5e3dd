using System.Globalization;
using System.Text.Json;
using FileBridge.Core.Login.Passwords;

namespace FileBridge.Admin.Output;

/// <summary>
/// How a temporary password is shown, once: a few lines for a person, or with <c>--json</c> exactly one object
/// <c>{"user","temporaryPassword","expiresAt"}</c> for a script.
/// </summary>
public static class TemporaryPasswordOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static void Write(AdminConsole console, string userId, TemporaryPassword? temporary, bool json, string sentence)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(
                new TemporaryPasswordJson(userId, temporary?.Password, temporary?.ExpiresAt), JsonOptions));
            // The sentence still reaches the operator, apart from the object a script parses.
            console.Error.WriteLine(sentence);
            return;
        }

        console.Out.WriteLine(sentence);
        if (temporary is not null)
        {
            console.Out.WriteLine($"Temporary password (shown once; the first sign-in must change it): {temporary.Password}");
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"It expires at {temporary.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm:ss'Z'}; hand it over by a channel only '{userId}' reads."));
        }
    }

    private sealed record TemporaryPasswordJson(string User, string? TemporaryPassword, DateTimeOffset? ExpiresAt);
}
