using System.Net.Sockets;
using Azure;
using Azure.Identity;
using FileBridge.Core.Aws;

namespace FileBridge.Core.Tests.Aws;

public sealed class WebIdentityTokenFaultsTests
{
    public static TheoryData<Exception, bool> Faults() => new()
    {
        { new CredentialUnavailableException("no managed identity here"), false },
        { new AuthenticationFailedException("AADSTS500011: resource principal not found"), false },
        { new AuthenticationFailedException("refused", new RequestFailedException(400, "invalid_resource")), false },
        { new AuthenticationFailedException("unreachable", new HttpRequestException("connection refused")), true },
        { new AuthenticationFailedException("busy", new RequestFailedException(503, "busy")), true },
        { new RequestFailedException(429, "throttled"), true },
        { new RequestFailedException(500, "identity endpoint failed"), true },
        { new RequestFailedException(403, "forbidden"), false },
        { new FileNotFoundException("token file"), false },
        { new DirectoryNotFoundException("token folder"), false },
        { new UnauthorizedAccessException("token file"), false },
        { new IOException("being replaced"), true },
        { new SocketException((int)SocketError.ConnectionRefused), true },
        { new TimeoutException(), true },
        { new TaskCanceledException("identity endpoint timed out"), true },
        { new WebIdentityTokenException("empty", isTransient: false), false },
        { new WebIdentityTokenException("busy", isTransient: true), true },
        { new InvalidOperationException("unexpected"), false },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void IsTransient_ClassifiesTokenFetchFaults(Exception fault, bool expected)
    {
        var transient = WebIdentityTokenFaults.IsTransient(fault);

        Assert.Equal(expected, transient);
    }

    [Fact]
    public void IsTransient_CancelledByTheCaller_IsNotTransient()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var transient = WebIdentityTokenFaults.IsTransient(new OperationCanceledException(cancelled.Token), cancelled.Token);

        Assert.False(transient);
    }

    [Fact]
    public void AwsFaultClassifier_TokenFetchFault_IsNeverAnStsFault()
    {
        // The breaker counts what AwsFaultClassifier calls transient; a token source failing must not be counted.
        var transient = AwsFaultClassifier.IsTransient(new WebIdentityTokenException("busy", isTransient: true, new HttpRequestException("unreachable")));

        Assert.False(transient);
    }
}
