using FileBridge.Admin.Cli;
using FileBridge.Admin.Hosting;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Files;
using FileBridge.Core.Login;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary><c>users add &lt;name&gt; [--display-name X] [--prefixes a/;b/]</c></summary>
public sealed class AddUserHandler(
    IUserStore users, PasswordHashing hashing, PasswordReader passwords, DefaultPrefixesSetting defaults, AdminConsole console)
{
    public async Task<int> RunAsync(string name, string? displayName, string? prefixes, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);

        // Checked before asking for the password, so nobody types one twice for nothing.
        if (await users.FindAsync(userId, cancellationToken) is not null)
        {
            throw new UserAlreadyExistsException(userId);
        }

        var prefixList = PrefixesInput.Parse(prefixes, defaults.LocationNames);
        var password = passwords.ReadNewPassword(userId);
        var user = new NewUser(
            userId,
            string.IsNullOrWhiteSpace(displayName) ? name.Trim() : displayName.Trim(),
            hashing.Hash(password),
            prefixList.Count > 0 ? prefixList : null);
        await users.AddAsync(user, cancellationToken);

        // Access fails closed: say what the new user will see, so "nothing" is never a surprise.
        console.Out.WriteLine($"Added user '{userId}'. {ScopeText.Sentence(userId, AccessScope.Resolve(user.Prefixes, defaults.Value))}");
        return ExitCodes.Success;
    }
}
