using System.Text;
using FileBridge.Admin.Cli;
using FileBridge.Admin.Output;
using FileBridge.Core.Login.Passwords;

namespace FileBridge.Admin.Input;

/// <summary>
/// Reads a new password (<c>--permanent</c>): one line from standard input when it is redirected (scripts, pipes), or,
/// on a terminal, typed twice without echo. It must pass the same <see cref="PasswordPolicy"/> as a password a person
/// sets through the API. The password is never written anywhere.
/// </summary>
public sealed class PasswordReader(AdminConsole console, PasswordPolicy policy)
{
    public string ReadNewPassword(string userId, string? displayName)
    {
        var password = Console.IsInputRedirected ? ReadLine(Console.In) : ReadTwiceFromTerminal(userId);
        if (PasswordRules.Check(password) is { } problem)
        {
            throw new AdminInputException(problem);
        }

        var verdict = policy.Check(password, userId, displayName);
        return verdict.IsAccepted ? password : throw new AdminInputException($"{verdict.Message} ({verdict.Reason})");
    }

    /// <summary>One line from a redirected input; the line break is not part of the password.</summary>
    public static string ReadLine(TextReader input) =>
        input.ReadLine() ?? throw new AdminInputException("No password on standard input: pipe it in as one line.");

    private string ReadTwiceFromTerminal(string userId)
    {
        var first = ReadHidden($"Password for '{userId}': ");
        if (PasswordRules.Check(first) is { } problem)
        {
            throw new AdminInputException(problem);
        }

        var second = ReadHidden("Repeat the password: ");
        return first == second ? first : throw new AdminInputException("The passwords do not match.");
    }

    private string ReadHidden(string prompt)
    {
        console.Error.Write(prompt);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        console.Error.WriteLine();
        return typed.ToString();
    }
}
