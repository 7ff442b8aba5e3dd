using Azure;
using Azure.Identity;
using System.Globalization;
using FileBridge.Admin.Hosting;
using FileBridge.Core.Audit;
using FileBridge.Core.Groups;
using FileBridge.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Admin.Cli;

/// <summary>
/// Builds the host for one command, checks the settings, runs the handler and turns every expected
/// failure into a message on standard error and an exit code from <see cref="ExitCodes"/>. Every command that got
/// as far as valid settings leaves one audit row (<see cref="AdminAction"/>), whatever its exit code.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(
        string? settingsPath, Func<IServiceProvider, CancellationToken, Task<int>> handler, CancellationToken cancellationToken, AdminAction? action = null)
    {
        IHost? host = null;
        var validated = false;
        try
        {
            var exitCode = await GuardAsync(async () =>
            {
                host = AdminHost.Build(settingsPath);
                // UsersOptions' validation also refuses an unparsable connection string, without echoing it.
                host.Services.GetService<IStartupValidator>()?.Validate();
                validated = true;
                return await handler(host.Services, cancellationToken);
            }, cancellationToken);
            if (validated && action is not null)
            {
                await AuditAsync(host!.Services, action, exitCode);
            }

            return exitCode;
        }
        finally
        {
            host?.Dispose();
        }
    }

    private static async Task AuditAsync(IServiceProvider services, AdminAction action, int exitCode)
    {
        try
        {
            // The operator as the machine knows them, and the machine as the address: the tool has no other identity.
            await services.GetRequiredService<IAuditLog>().RecordAsync(new AuditEvent(
                action.Action,
                Environment.UserName,
                action.Target,
                string.Create(CultureInfo.InvariantCulture, $"exit {exitCode}{(action.Flags is null ? string.Empty : " " + action.Flags)}"),
                Environment.MachineName,
                null,
                Guid.NewGuid().ToString("N")), CancellationToken.None);
        }
        catch (AuditUnavailableException)
        {
            await Console.Error.WriteLineAsync($"Warning: the audit row for {action.Action} could not be stored; check Audit:TableName and access to the table.");
        }
    }

    private static async Task<int> GuardAsync(Func<Task<int>> run, CancellationToken cancellationToken)
    {
        var error = Console.Error;
        try
        {
            return await run();
        }
        catch (SettingsException e)
        {
            return Fail(error, ExitCodes.BadSettings, e.Message);
        }
        catch (OptionsValidationException e)
        {
            return Fail(error, ExitCodes.BadSettings, $"Invalid settings: {e.Message}");
        }
        catch (AdminInputException e)
        {
            return Fail(error, ExitCodes.InvalidInput, e.Message);
        }
        catch (UserAlreadyExistsException e)
        {
            // The operator typed the name: it may be shown to them, though the exception's own message never holds it.
            return Fail(error, ExitCodes.UserAlreadyExists, $"A user named '{e.UserId}' already exists.");
        }
        catch (UserNotFoundException e)
        {
            return Fail(error, ExitCodes.UserNotFound, $"There is no user named '{e.UserId}'.");
        }
        catch (GroupAlreadyExistsException e)
        {
            return Fail(error, ExitCodes.GroupAlreadyExists, $"A group named '{e.GroupId}' already exists.");
        }
        catch (GroupNotFoundException e)
        {
            return Fail(error, ExitCodes.GroupNotFound, $"There is no group named '{e.GroupId}'.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(error, ExitCodes.Cancelled, "Cancelled.");
        }
        catch (Exception e) when (TableFailure.Describe(e) is { } reason)
        {
            return Fail(error, ExitCodes.TableUnreachable,
                $"Cannot use the table service: {reason}. Check Users:ConnectionString or Users:ServiceUri, and that the service is running.");
        }
        catch (Exception e)
        {
            // Type and message only: a stack trace helps nobody running the tool and may be long.
            return Fail(error, ExitCodes.InternalError, $"Unexpected error: {e.GetType().Name}: {e.Message}");
        }
    }

    private static int Fail(TextWriter error, int exitCode, string message)
    {
        error.WriteLine(message);
        return exitCode;
    }

    /// <summary>Recognizes the ways the Azure SDK reports an unreachable or refusing table service.</summary>
    private static class TableFailure
    {
        public static string? Describe(Exception e) => e switch
        {
            RequestFailedException { Status: 0 } r => r.InnerException?.Message ?? "no response",
            RequestFailedException r => $"the service answered {r.Status}{(string.IsNullOrEmpty(r.ErrorCode) ? string.Empty : $" ({r.ErrorCode})")}",
            AggregateException a when a.InnerExceptions.Count > 0 && a.InnerExceptions.All(i => Describe(i) is not null) =>
                $"{Describe(a.InnerExceptions[^1])} (after {a.InnerExceptions.Count} attempts)",
            AuthenticationFailedException or CredentialUnavailableException => "no managed identity or other Azure credential was available",
            HttpRequestException h => h.Message,
            _ => null,
        };
    }
}
