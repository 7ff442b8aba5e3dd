using System.Globalization;
using FileBridge.Admin.Cli;
using FileBridge.Admin.Output;
using FileBridge.Core.Sessions;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>sessions revoke --all --yes</c>: every session of every person ends, through a revoked-before marker (no table
/// is deleted, no row scanned). Without <c>--yes</c> it does nothing and says why.
/// </summary>
public sealed class RevokeAllSessionsHandler(SessionRevocation revocation, AdminConsole console)
{
    public async Task<int> RunAsync(bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            throw new AdminInputException("'sessions revoke --all' signs everybody out: add --yes to confirm.");
        }

        var before = await revocation.RevokeAllAsync(cancellationToken);

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ended every session created before {before.UtcDateTime:yyyy-MM-dd HH:mm:ss'Z'}; every instance refuses them within {SessionRevocation.RereadAfter.TotalSeconds:0} s."));
        return ExitCodes.Success;
    }
}
