using System.CommandLine;
using FileBridge.Admin.Commands;

namespace FileBridge.Admin.Cli;

/// <summary>The command tree: <c>users add|list|disable|enable|set-password|reset-password|reset-factors|unlock|set-prefixes</c>, <c>sessions revoke</c> and <c>audit list</c>.</summary>
public static class AdminCli
{
    public static RootCommand CreateRootCommand()
    {
        var settings = new Option<FileInfo?>("--settings")
        {
            Description = "A settings file: appsettings-style JSON, or a local.settings.json whose Values hold Users:* / Sessions:* keys. Overrides environment variables.",
            Recursive = true,
        };

        var root = new RootCommand("FileBridge operator tool: manages users and sessions in the Azure Tables the app reads, and reads the audit trail.")
        {
            Options = { settings },
        };
        root.Subcommands.Add(CreateUsersCommand(settings));
        root.Subcommands.Add(CreateSessionsCommand(settings));
        root.Subcommands.Add(CreateAuditCommand(settings));
        return root;
    }

    private static Command CreateUsersCommand(Option<FileInfo?> settings)
    {
        var users = new Command("users", "Add, list, enable, disable and edit users.");

        var addName = NameArgument();
        var displayName = new Option<string?>("--display-name") { Description = "The name shown in the web page (default: the name as typed)." };
        var prefixes = new Option<string?>("--prefixes") { Description = "';'-separated S3 prefixes the user may see, e.g. \"reports/;shared/\", or '*' for everything (default: Files:DefaultPrefixes; when that is empty, nothing)." };
        var addPermanent = PermanentOption();
        var noSecondFactor = new Option<bool>("--no-second-factor") { Description = "A service account: may sign in with a password alone when Login:SecondFactor is Required (audited, shown in 'users list')." };
        var addJson = JsonOption();
        var add = new Command("add", "Add a user and print a temporary password (shown once, to be changed at the first sign-in); --permanent reads one from standard input instead.")
        {
            Arguments = { addName },
            Options = { displayName, prefixes, addPermanent, noSecondFactor, addJson },
        };
        Bind(add, settings, (r, sp, ct) => sp.Run<AddUserHandler>(h => h.RunAsync(new AddUserRequest(
            r.GetValue(addName)!, r.GetValue(displayName), r.GetValue(prefixes), r.GetValue(addPermanent), r.GetValue(noSecondFactor), r.GetValue(addJson)), ct)));
        users.Subcommands.Add(add);

        var list = new Command("list", "List users: name, display name, disabled, prefixes, locked-until, password state, second factors (TOTP, passkeys, recovery codes left, exempt service accounts) and effective access (own, default or none). Password hashes and secrets are never shown.");
        Bind(list, settings, (_, sp, ct) => sp.Run<ListUsersHandler>(h => h.RunAsync(ct)));
        users.Subcommands.Add(list);

        var disableName = NameArgument();
        var disable = new Command("disable", "Disable a user and end their sessions.") { Arguments = { disableName } };
        Bind(disable, settings, (r, sp, ct) => sp.Run<DisableUserHandler>(h => h.RunAsync(r.GetValue(disableName)!, ct)));
        users.Subcommands.Add(disable);

        var enableName = NameArgument();
        var enable = new Command("enable", "Enable a disabled user.") { Arguments = { enableName } };
        Bind(enable, settings, (r, sp, ct) => sp.Run<EnableUserHandler>(h => h.RunAsync(r.GetValue(enableName)!, ct)));
        users.Subcommands.Add(enable);

        var passwordName = NameArgument();
        var setPermanent = PermanentOption();
        var setPassword = new Command("set-password", "With --permanent: replace a service account's or demo user's password (read like 'users add --permanent'), clear its lockout and end its sessions. For a person, use reset-password.")
        {
            Arguments = { passwordName },
            Options = { setPermanent },
        };
        Bind(setPassword, settings, (r, sp, ct) => sp.Run<SetPasswordHandler>(h => h.RunAsync(r.GetValue(passwordName)!, r.GetValue(setPermanent), ct)));
        users.Subcommands.Add(setPassword);

        var resetName = NameArgument();
        var resetJson = JsonOption();
        var resetPassword = new Command("reset-password", "Give a user a new temporary password (printed once), end their sessions and pending sign-ins, clear every lockout, forget their known browsers; second factors stay.")
        {
            Arguments = { resetName },
            Options = { resetJson },
        };
        Bind(resetPassword, settings, (r, sp, ct) => sp.Run<ResetPasswordHandler>(h => h.RunAsync(r.GetValue(resetName)!, r.GetValue(resetJson), ct)));
        users.Subcommands.Add(resetPassword);

        var factorsName = NameArgument();
        var factorsJson = JsonOption();
        var resetFactors = new Command("reset-factors", "For a person who lost their factors: remove TOTP, passkeys and recovery codes, give a new temporary password (printed once), end their sessions and pending sign-ins, clear every lockout, forget their known browsers.")
        {
            Arguments = { factorsName },
            Options = { factorsJson },
        };
        Bind(resetFactors, settings, (r, sp, ct) => sp.Run<ResetFactorsHandler>(h => h.RunAsync(r.GetValue(factorsName)!, r.GetValue(factorsJson), ct)));
        users.Subcommands.Add(resetFactors);

        var unlockName = NameArgument();
        var unlock = new Command("unlock", "Clear every lockout of a user: the shared one and each known browser's.") { Arguments = { unlockName } };
        Bind(unlock, settings, (r, sp, ct) => sp.Run<UnlockUserHandler>(h => h.RunAsync(r.GetValue(unlockName)!, ct)));
        users.Subcommands.Add(unlock);

        var prefixesName = NameArgument();
        var prefixList = new Argument<string>("prefixes") { Description = "';'-separated S3 prefixes, or '*' for everything; an empty string clears them so Files:DefaultPrefixes apply." };
        var setPrefixes = new Command("set-prefixes", "Set the S3 prefixes a user may see and end their sessions.") { Arguments = { prefixesName, prefixList } };
        Bind(setPrefixes, settings, (r, sp, ct) => sp.Run<SetPrefixesHandler>(h => h.RunAsync(r.GetValue(prefixesName)!, r.GetValue(prefixList) ?? string.Empty, ct)));
        users.Subcommands.Add(setPrefixes);

        return users;
    }

    private static Command CreateSessionsCommand(Option<FileInfo?> settings)
    {
        var sessions = new Command("sessions", "Manage sign-in sessions.");

        var revokeName = NameArgument();
        revokeName.Arity = ArgumentArity.ZeroOrOne;
        var all = new Option<bool>("--all") { Description = "End every session of every user (a revoked-before marker; needs --yes)." };
        var yes = new Option<bool>("--yes") { Description = "Confirms --all." };
        var revoke = new Command("revoke", "End all sessions of a user and print how many were ended; or, with --all --yes, every session of everybody.")
        {
            Arguments = { revokeName },
            Options = { all, yes },
        };
        Bind(revoke, settings, (r, sp, ct) => (r.GetValue(all), r.GetValue(revokeName)) switch
        {
            (true, null) => sp.Run<RevokeAllSessionsHandler>(h => h.RunAsync(r.GetValue(yes), ct)),
            (true, _) => throw new AdminInputException("Give a user name or --all, not both."),
            (false, null) => throw new AdminInputException("Give a user name, or --all --yes to end every session."),
            (false, { } name) => sp.Run<RevokeSessionsHandler>(h => h.RunAsync(name, ct)),
        });
        sessions.Subcommands.Add(revoke);

        return sessions;
    }

    private static Command CreateAuditCommand(Option<FileInfo?> settings)
    {
        var audit = new Command("audit", "Read the audit trail.");

        var user = new Option<string?>("--user") { Description = "Only rows of this user id (admin rows: the operator's login name)." };
        var action = new Option<string?>("--action") { Description = "Only rows with this action, e.g. download, sign-in-refused, admin:users-add." };
        var since = new Option<string?>("--since") { Description = "The first UTC day to read, yyyy-MM-dd (default: Audit:RetentionDays ago)." };
        var limit = new Option<int>("--limit") { Description = $"At most this many rows (1 to {AuditListHandler.MaxLimit}).", DefaultValueFactory = _ => AuditListHandler.DefaultLimit };
        var json = new Option<bool>("--json") { Description = "One JSON object per line, the Audit columns as camelCase members." };
        var list = new Command("list", "List audit rows, newest first.") { Options = { user, action, since, limit, json } };
        Bind(list, settings, (r, sp, ct) => sp.Run<AuditListHandler>(h => h.RunAsync(
            new AuditListRequest(r.GetValue(user), r.GetValue(action), r.GetValue(since), r.GetValue(limit), r.GetValue(json)), ct)));
        audit.Subcommands.Add(list);

        return audit;
    }

    private static Option<bool> PermanentOption() => new("--permanent")
    {
        Description = "Read the password from standard input (one line, or typed twice on a terminal) instead of printing a temporary one: for service accounts and demos.",
    };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON object {\"user\",\"temporaryPassword\",\"expiresAt\"}." };

    private static Argument<string> NameArgument() => new("name") { Description = "The user name (trimmed and lower-cased)." };

    private static void Bind(Command command, Option<FileInfo?> settings, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> action) =>
        command.SetAction((result, ct) => CommandRunner.RunAsync(
            result.GetValue(settings)?.FullName, (sp, token) => action(result, sp, token), ct, AdminAction.From(result)));

    private static async Task<int> Run<THandler>(this IServiceProvider services, Func<THandler, Task<int>> run)
        where THandler : notnull =>
        await run(Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<THandler>(services));
}
