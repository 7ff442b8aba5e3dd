using System.Globalization;
using FileBridge.Admin.Cli;
using FileBridge.Admin.Hosting;
using FileBridge.Admin.Output;
using FileBridge.Core.Files;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>users list</c>: never shows password hashes or security stamps. PASSWORD says whether it is temporary (and
/// until when); SECOND FACTOR "exempt" marks a service account; ACCESS is the effective scope: the user's own
/// prefixes, the defaults, or none.
/// </summary>
public sealed class ListUsersHandler(IUserStore users, TimeProvider time, DefaultPrefixesSetting defaults, AdminConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var all = await users.ListAsync(cancellationToken);
        if (all.Count == 0)
        {
            console.Error.WriteLine("No users yet.");
            return ExitCodes.Success;
        }

        var now = time.GetUtcNow();
        var table = new ConsoleTable("NAME", "DISPLAY NAME", "DISABLED", "PREFIXES", "LOCKED UNTIL", "PASSWORD", "SECOND FACTOR", "ACCESS");
        foreach (var user in all)
        {
            table.AddRow(
                user.Id,
                user.DisplayName,
                user.Disabled ? "yes" : "no",
                user.Prefixes is { Count: > 0 } prefixes ? PrefixList.Format(prefixes) : "(default)",
                user.IsLockedAt(now) ? user.LockedUntil!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-",
                PasswordState(user, now),
                user.NoSecondFactor ? "exempt" : "-",
                ScopeText.Describe(UserScope.Resolve(user.Prefixes, defaults.Value)));
        }

        table.WriteTo(console.Out);
        return ExitCodes.Success;
    }

    private static string PasswordState(UserAccount user, DateTimeOffset now) => user.TemporaryPasswordExpiresAt switch
    {
        null => "set",
        { } expires when expires <= now => "temporary, expired",
        { } expires => "temporary until " + expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture),
    };
}
