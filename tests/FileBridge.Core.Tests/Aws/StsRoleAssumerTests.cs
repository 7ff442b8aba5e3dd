using System.Diagnostics;
using System.Net;
using FileBridge.Core.Aws;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Polly.Registry;

namespace FileBridge.Core.Tests.Aws;

/// <summary>The "sts" pipeline as configured from options, driving the real SDK client over a scripted HTTP layer.</summary>
public sealed class StsRoleAssumerTests
{
    private static readonly RoleRequest Alice = new("alice", ["home/alice/"], TestLocations.Demo);
    private static readonly DateTimeOffset Expiry = DateTimeOffset.UtcNow.AddHours(1);

    [Fact]
    public async Task AssumeAsync_TransientFaultsThenSuccess_RetriesAndSucceeds()
    {
        var handler = new ScriptedHttpHandler((_, call, _) => Task.FromResult(call switch
        {
            1 => ScriptedHttpHandler.StsError(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"),
            2 => ScriptedHttpHandler.StsError(HttpStatusCode.BadRequest, "Throttling"),
            3 => ScriptedHttpHandler.StsError(HttpStatusCode.BadRequest, "IDPCommunicationError"),
            _ => ScriptedHttpHandler.AssumeRoleOk(Expiry),
        }));
        using var host = Build(handler);

        var credentials = await host.Services.GetRequiredService<IRoleAssumer>().AssumeAsync(Alice, CancellationToken.None);

        Assert.Equal("ASIAFAKEACCESSKEY001", credentials.AccessKeyId);
        Assert.Equal(4, handler.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied")]
    [InlineData(HttpStatusCode.BadRequest, "MalformedPolicyDocument")]
    [InlineData(HttpStatusCode.BadRequest, "ValidationError")]
    [InlineData(HttpStatusCode.BadRequest, "InvalidParameterValue")]
    public async Task AssumeAsync_PermanentFault_FailsAfterOneCall(HttpStatusCode status, string code)
    {
        var handler = new ScriptedHttpHandler((_, _, _) => Task.FromResult(ScriptedHttpHandler.StsError(status, code)));
        using var host = Build(handler);

        var error = await Assert.ThrowsAsync<UpstreamUnavailableException>(
            () => host.Services.GetRequiredService<IRoleAssumer>().AssumeAsync(Alice, CancellationToken.None));

        Assert.True(error.IsPermanent);
        Assert.Equal(1, handler.Calls);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    public async Task AssumeAsync_PersistentOutage_MakesExactlyTheConfiguredAttempts(int maxRetries, int expectedCalls)
    {
        var handler = new ScriptedHttpHandler((_, _, _) => Task.FromResult(ScriptedHttpHandler.StsError(HttpStatusCode.InternalServerError, "InternalFailure")));
        using var host = Build(handler, new() { ["Aws:StsMaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var error = await Assert.ThrowsAsync<UpstreamUnavailableException>(
            () => host.Services.GetRequiredService<IRoleAssumer>().AssumeAsync(Alice, CancellationToken.None));

        Assert.False(error.IsPermanent);
        Assert.Equal(expectedCalls, handler.Calls);
    }

    [Fact]
    public async Task AssumeAsync_SlowEndpoint_EachAttemptIsCutAtTheAttemptTimeout()
    {
        // The endpoint never answers: only the attempt timeout, on the app's clock, ends an attempt.
        var handler = new ScriptedHttpHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return ScriptedHttpHandler.AssumeRoleOk(Expiry);
        });
        var clock = new FakeTimeProvider();
        using var host = Build(handler, new() { ["Aws:StsAttemptTimeout"] = "00:00:30", ["Aws:StsMaxRetries"] = "1" }, clock);

        var assume = host.Services.GetRequiredService<IRoleAssumer>().AssumeAsync(Alice, CancellationToken.None);
        var firstStarted = SpinWait.SpinUntil(() => handler.Calls == 1, TimeSpan.FromSeconds(20));
        clock.Advance(TimeSpan.FromSeconds(30));
        // A real 30-second timeout would not have cut the first attempt within this deadline.
        var secondStarted = SpinWait.SpinUntil(() => handler.Calls == 2, TimeSpan.FromSeconds(20));
        clock.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<UpstreamUnavailableException>(() => assume);
        Assert.True(firstStarted);
        Assert.True(secondStarted, "the first attempt was not cut at the attempt timeout");
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task AssumeAsync_RepeatedOutage_OpensTheBreakerAndStopsCallingSts()
    {
        var handler = new ScriptedHttpHandler((_, _, _) => Task.FromResult(ScriptedHttpHandler.StsError(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")));
        using var host = Build(handler, new()
        {
            ["Aws:StsMaxRetries"] = "0",
            ["Aws:StsBreakerMinimumThroughput"] = "4",
            ["Aws:StsBreakerFailureRatio"] = "0.5",
            ["Aws:StsBreakDuration"] = "00:01:00",
            ["Aws:StsMaxBreakDuration"] = "00:01:00",
        });
        var assumer = host.Services.GetRequiredService<IRoleAssumer>();
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<UpstreamUnavailableException>(() => assumer.AssumeAsync(Alice, CancellationToken.None));
        }

        var callsBefore = handler.Calls;
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<UpstreamUnavailableException>(() => assumer.AssumeAsync(Alice, CancellationToken.None));

        Assert.Equal(callsBefore, handler.Calls);
        Assert.IsType<Polly.CircuitBreaker.BrokenCircuitException>(error.InnerException, exactMatch: false);
        Assert.InRange(error.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task AssumeAsync_PermanentFaults_DoNotOpenTheBreaker()
    {
        var handler = new ScriptedHttpHandler((_, _, _) => Task.FromResult(ScriptedHttpHandler.StsError(HttpStatusCode.Forbidden, "AccessDenied")));
        using var host = Build(handler, new() { ["Aws:StsBreakerMinimumThroughput"] = "2" });
        var assumer = host.Services.GetRequiredService<IRoleAssumer>();

        for (var i = 0; i < 6; i++)
        {
            await Assert.ThrowsAsync<UpstreamUnavailableException>(() => assumer.AssumeAsync(Alice, CancellationToken.None));
        }

        Assert.Equal(6, handler.Calls);
    }

    [Fact]
    public async Task AssumeAsync_SendsSessionNameDurationAndPolicy()
    {
        var handler = new ScriptedHttpHandler((_, _, _) => Task.FromResult(ScriptedHttpHandler.AssumeRoleOk(Expiry)));
        using var host = Build(handler, new() { ["Aws:SessionDuration"] = "00:30:00" });

        await host.Services.GetRequiredService<IRoleAssumer>().AssumeAsync(new RoleRequest("Ada Lovelace", ["home/ada/"], TestLocations.Demo), CancellationToken.None);

        var body = Uri.UnescapeDataString(Assert.Single(handler.Bodies));
        Assert.Contains("Action=AssumeRole", body, StringComparison.Ordinal);
        Assert.Contains("RoleSessionName=fb-Ada-Lovelace", body, StringComparison.Ordinal);
        Assert.Contains("DurationSeconds=1800", body, StringComparison.Ordinal);
        Assert.Contains("home/ada/*", body, StringComparison.Ordinal);
        Assert.Contains("RoleArn=arn:aws:iam:::role/filebridge-reader", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeAsync_ReadinessRequest_UsesTheProbesNameTheShortestLifetimeAndTheLocationsRole()
    {
        var handler = new ScriptedHttpHandler((_, _, _) => Task.FromResult(ScriptedHttpHandler.AssumeRoleOk(Expiry)));
        using var host = Build(handler);
        var elsewhere = TestLocations.Demo with { Name = "ci", RoleArn = "arn:aws:iam::222222222222:role/ci-reader" };

        await host.Services.GetRequiredService<IRoleAssumer>().AssumeAsync(RoleRequest.ForReadiness(elsewhere), CancellationToken.None);

        var body = Uri.UnescapeDataString(Assert.Single(handler.Bodies));
        Assert.Contains("RoleSessionName=filebridge-readiness", body, StringComparison.Ordinal);
        Assert.Contains("DurationSeconds=900", body, StringComparison.Ordinal);
        Assert.Contains("RoleArn=arn:aws:iam::222222222222:role/ci-reader", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Policy=", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_IsRegisteredUnderTheStsKey()
    {
        using var host = Build(new ScriptedHttpHandler((_, _, _) => Task.FromResult(ScriptedHttpHandler.AssumeRoleOk(Expiry))));

        var pipeline = host.Services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(StsResilience.PipelineKey);

        Assert.NotNull(pipeline);
    }

    private static IHost Build(ScriptedHttpHandler handler, Dictionary<string, string?>? overrides = null, TimeProvider? time = null)
    {
        var settings = AwsTestHost.Settings();
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return AwsTestHost.Build(settings, new ScriptedHttpClientFactory(handler), time);
    }
}
