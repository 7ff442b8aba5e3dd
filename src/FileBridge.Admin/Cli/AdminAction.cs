using System.CommandLine;
using FileBridge.Core.Audit;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Cli;

/// <summary>
/// What a command's audit row says: <c>admin:</c> and the command words joined by '-' (<c>users add</c> is
/// <c>admin:users-add</c>, <c>audit list</c> is <c>admin:audit-list</c>), and the user it acted on, if any.
/// </summary>
/// <param name="Flags">The options that change what a command did, as typed (<c>--permanent --no-second-factor</c>), for the row's outcome.</param>
public sealed record AdminAction(string Action, string? Target, string? Flags = null)
{
    // Options whose use an auditor must see: who was made a service account, who got a password an operator knows,
    // who signed everybody out.
    private static readonly string[] AuditedFlags = ["--permanent", "--no-second-factor", "--all", "--remove-members"];

    public static AdminAction From(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var words = new List<string>();
        for (var command = result.CommandResult; command.Parent is System.CommandLine.Parsing.CommandResult parent; command = parent)
        {
            words.Insert(0, command.Command.Name);
        }

        // The user name as the row's key has it; a name that is not valid at all is no target.
        var name = result.CommandResult.Command.Arguments.OfType<Argument<string>>().FirstOrDefault(a => a.Name is "name" or "user" or "group") is { } argument
            ? result.GetValue(argument)
            : null;
        var flags = result.CommandResult.Command.Options.OfType<Option<bool>>()
            .Where(option => AuditedFlags.Contains(option.Name) && result.GetValue(option))
            .Select(option => option.Name)
            .ToList();
        return new AdminAction(
            AuditActions.Admin(words), UserName.IsValid(name) ? UserName.Normalize(name!) : null, flags.Count > 0 ? string.Join(' ', flags) : null);
    }
}
