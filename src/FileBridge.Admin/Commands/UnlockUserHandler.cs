using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Login;

namespace FileBridge.Admin.Commands;

/// <summary><c>users unlock &lt;name&gt;</c>: clears every lockout budget of the user, the untrusted one and each known browser's.</summary>
public sealed class UnlockUserHandler(AccountLockouts lockouts, AdminConsole console)
{
    public async Task<int> RunAsync(string name, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);

        var browsers = await lockouts.ClearAllAsync(userId, cancellationToken);

        console.Out.WriteLine($"Cleared every lockout of '{userId}' (the untrusted budget and {browsers} known browser(s)).");
        return ExitCodes.Success;
    }
}
