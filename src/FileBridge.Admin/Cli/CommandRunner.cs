using Azure;
using Azure.Identity;
using FileBridge.Admin.Hosting;
using FileBridge.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FileBridge.Admin.Cli;

/// <summary>
/// Builds the host for one command, checks the settings, runs the handler and turns every expected
/// failure into a message on standard error and an exit code from <see cref="ExitCodes"/>.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(string? settingsPath, Func<IServiceProvider, CancellationToken, Task<int>> handler, CancellationToken cancellationToken)
    {
        var error = Console.Error;
        try
        {
            using var host = AdminHost.Build(settingsPath);
            // UsersOptions' validation also refuses an unparsable connection string, without echoing it.
            host.Services.GetService<IStartupValidator>()?.Validate();
            return await handler(host.Services, cancellationToken);
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
            return Fail(error, ExitCodes.UserAlreadyExists, e.Message);
        }
        catch (UserNotFoundException e)
        {
            return Fail(error, ExitCodes.UserNotFound, e.Message);
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
