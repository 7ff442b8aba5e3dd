using System.Globalization;
using FileBridge.Admin.Cli;
using FileBridge.Admin.Hosting;
using FileBridge.Admin.Output;
using FileBridge.Core.Files;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>users list</c>: never shows password hashes or security stamps. PASSWORD says whether it is temporary (and
/// until when); TOTP, PASSKEYS and CODES LEFT are the person's factors (counts, never a secret); SECOND FACTOR
/// "exempt" marks a service account (<c>--no-second-factor</c>); ACCESS is the effective scope: the user's own
/// prefixes, the defaults, or none.
/// </summary>
public sealed class ListUsersHandler(
    IUserStore users, FactorSummaryReader factors, TimeProvider time, DefaultPrefixesSetting defaults, AdminConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var all = await users.ListAsync(cancellationToken);
        if (all.Count == 0)
        {
            console.Error.WriteLine("No users yet.");
            return ExitCodes.Success;
        }

        var summaries = await factors.ReadAllAsync(cancellationToken);
        var now = time.GetUtcNow();
        var table = new ConsoleTable(
            "NAME", "DISPLAY NAME", "DISABLED", "PREFIXES", "LOCKED UNTIL", "PASSWORD", "TOTP", "PASSKEYS", "CODES LEFT", "SECOND FACTOR", "ACCESS");
        foreach (var user in all)
        {
            var factorsOfUser = summaries.GetValueOrDefault(user.Id) ?? FactorSummary.None;
            table.AddRow(
                user.Id,
                user.DisplayName,
                user.Disabled ? "yes" : "no",
                user.Prefixes is { Count: > 0 } prefixes ? PrefixList.Format(prefixes) : "(default)",
                user.IsLockedAt(now) ? user.LockedUntil!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-",
                PasswordState(user, now),
                factorsOfUser.Totp ? "yes" : "no",
                factorsOfUser.Passkeys.ToString(CultureInfo.InvariantCulture),
                factorsOfUser.RecoveryCodesLeft.ToString(CultureInfo.InvariantCulture),
                user.NoSecondFactor ? "exempt" : "-",
                ScopeText.Describe(AccessScope.Resolve(user.Prefixes, defaults.Value)));
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
