using FileBridge.Admin.Cli;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// Read, change, write with the row's ETag: an edit made meanwhile (another operator, a sign-in's counters) is never
/// overwritten; the change is worked out again on the fresh row.
/// </summary>
public static class UserEdits
{
    private const int Attempts = 5;

    /// <param name="edit">The change for the row as read; null when there is nothing to write.</param>
    /// <returns>The row the change was based on.</returns>
    public static async Task<UserAccount> ApplyAsync(IUserStore users, string userId, Func<UserAccount, UserChange?> edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(edit);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var user = await users.FindAsync(userId, cancellationToken) ?? throw new UserNotFoundException(userId);
            if (edit(user) is not { } change)
            {
                return user;
            }

            try
            {
                await users.UpdateAsync(userId, change with { IfMatch = user.ETag }, cancellationToken);
                return user;
            }
            catch (UserChangedException)
            {
                // Changed since it was read: read it again and work the change out afresh.
            }
        }

        throw new AdminInputException($"'{userId}' kept changing while this ran; nothing was written. Try again.");
    }
}
