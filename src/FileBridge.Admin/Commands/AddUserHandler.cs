using FileBridge.Admin.Cli;
using FileBridge.Admin.Hosting;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Files;
using FileBridge.Core.Login;
using FileBridge.Core.Login.Passwords;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>users add &lt;name&gt; [--display-name X] [--prefixes a/;b/] [--permanent] [--no-second-factor] [--json]</c>: the
/// operator never picks the password: a temporary one is made and shown once, unless <c>--permanent</c> reads one
/// from standard input (service accounts, demos), which must pass the password policy all the same.
/// </summary>
public sealed class AddUserHandler(
    IUserStore users,
    PasswordHashing hashing,
    PasswordReader passwords,
    TemporaryPasswords temporaryPasswords,
    DefaultPrefixesSetting defaults,
    GrantInput grants,
    AdminConsole console)
{
    public async Task<int> RunAsync(AddUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userId = UserNameInput.ToUserId(request.Name);

        // Checked before asking for the password, so nobody types one twice for nothing.
        if (await users.FindAsync(userId, cancellationToken) is not null)
        {
            throw new UserAlreadyExistsException(userId);
        }

        var prefixList = grants.ParseList(request.Prefixes);
        var displayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.Name.Trim() : request.DisplayName.Trim();
        var temporary = request.Permanent ? null : temporaryPasswords.Create(userId, displayName);
        var password = temporary?.Password ?? passwords.ReadNewPassword(userId, displayName);
        var user = new NewUser(
            userId,
            displayName,
            hashing.Hash(password),
            prefixList.Count > 0 ? prefixList : null,
            temporary?.ExpiresAt,
            request.NoSecondFactor);
        await users.AddAsync(user, cancellationToken);

        // Access fails closed: say what the new user will see, so "nothing" is never a surprise.
        var sentence = $"Added user '{userId}'{(request.NoSecondFactor ? " (a service account: no second factor)" : string.Empty)}. "
            + ScopeText.Sentence(userId, AccessScope.Resolve(user.Prefixes, defaults.Value));
        TemporaryPasswordOutput.Write(console, userId, temporary, request.Json, sentence);
        return ExitCodes.Success;
    }
}
