using FileBridge.Admin.Access;
using FileBridge.Admin.Cli;
using FileBridge.Admin.Output;
using FileBridge.Core.Files;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>access explain &lt;user&gt; &lt;path&gt; [--json]</c>: whether the user may read the path, and why: exit 0 with
/// the grant and where it comes from, exit 3 with the nearest grants, exit 2 for an unknown user or a malformed path.
/// The answer comes from the stored rows as the app reads them (own ∪ groups', defaults only when both are empty).
/// </summary>
public sealed class AccessExplainHandler(IUserStore users, EffectiveAccess access, AdminConsole console)
{
    public async Task<int> RunAsync(string name, string path, bool json, CancellationToken cancellationToken)
    {
        if (!UserName.IsValid(name))
        {
            return Unknown($"'{name}' is not a valid user name.");
        }

        var userId = UserName.Normalize(name);
        if (Normalize(path) is not { } normalized)
        {
            return Unknown($"'{path}' is not a path: give a key such as 'logs/app/today.log' or a folder such as 'logs/app/'.");
        }

        var user = await users.FindAsync(userId, cancellationToken);
        if (user is null)
        {
            return Unknown($"There is no user named '{userId}'.");
        }

        var decision = (await access.OfAsync(user, cancellationToken)).Decide(normalized);
        if (json)
        {
            console.Out.WriteLine(decision.Allowed
                ? AdminJson.Serialize(new { allowed = true, grant = decision.Grant!.Prefix, from = decision.Grant.From })
                : AdminJson.Serialize(new { allowed = false, nearest = decision.Nearest.Select(GrantJson.Of) }));
        }
        else if (decision.Allowed)
        {
            console.Out.WriteLine($"'{userId}' may read {normalized}: granted by {Describe(decision.Grant!)}.");
        }
        else
        {
            console.Out.WriteLine(user.Disabled ? $"'{userId}' may not read {normalized} (and the account is disabled)." : $"'{userId}' may not read {normalized}.");
            console.Out.WriteLine(decision.Nearest.Count == 0
                ? "They have no grant at all: no own prefixes, no group granting any, and Files:DefaultPrefixes is empty."
                : "Nearest grants: " + string.Join("; ", decision.Nearest.Select(Describe)) + ".");
        }

        return decision.Allowed ? ExitCodes.Success : ExitCodes.AccessDenied;
    }

    private int Unknown(string message)
    {
        console.Error.WriteLine(message);
        return ExitCodes.ExplainUnknown;
    }

    private static string? Normalize(string path)
    {
        var trimmed = path.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        return trimmed.EndsWith('/') ? S3Paths.NormalizePrefix(trimmed).Value is { Length: > 0 } folder ? folder : null : S3Paths.ValidateKey(trimmed).Value;
    }

    private static string Describe(Grant grant) => $"{(grant.IsEverything ? "* (everything)" : grant.Prefix)} from {grant.From}";
}
