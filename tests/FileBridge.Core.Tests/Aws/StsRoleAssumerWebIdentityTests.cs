using System.Net;
using FileBridge.Core.Aws;
using FileBridge.Core.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FileBridge.Core.Tests.Aws;

/// <summary>Keyless mode through the "sts" pipeline: the real SDK client over a scripted HTTP layer, a scripted token source.</summary>
public sealed class StsRoleAssumerWebIdentityTests
{
    private static readonly RoleRequest Alice = new("alice", ["home/alice/"], TestLocations.Demo);

    [Fact]
    public async Task AssumeAsync_SendsAnUnsignedAssumeRoleWithWebIdentity_WithSessionNameAndPolicy()
    {
        var handler = new ScriptedHttpHandler((_, _, _) => Task.FromResult(WebIdentityOk()));
        using var host = Build(handler, new TokenScript(_ => "header.payload.signature"));

        var credentials = await host.Services.GetRequiredService<IRoleAssumer>().AssumeAsync(Alice, CancellationToken.None);

        var body = Uri.UnescapeDataString(Assert.Single(handler.Bodies));
        Assert.Equal("ASIAFAKEACCESSKEY002", credentials.AccessKeyId);
        Assert.Contains("Action=AssumeRoleWithWebIdentity", body, StringComparison.Ordinal);
        Assert.Contains("WebIdentityToken=header.payload.signature", body, StringComparison.Ordinal);
        Assert.Contains("RoleSessionName=fb-alice", body, StringComparison.Ordinal);
        Assert.Contains("home/alice/*", body, StringComparison.Ordinal);
        Assert.Null(Assert.Single(handler.Authorizations));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AssumeAsync_TokenSourceFails_Is503MaterialWithoutCallingSts(bool transient)
    {
        var handler = new ScriptedHttpHandler((_, _, _) => Task.FromResult(WebIdentityOk()));
        using var host = Build(handler, new TokenScript(_ => throw new WebIdentityTokenException("no token", transient)));

        var error = await Assert.ThrowsAsync<UpstreamUnavailableException>(
            () => host.Services.GetRequiredService<IRoleAssumer>().AssumeAsync(Alice, CancellationToken.None));

        Assert.Equal(!transient, error.IsPermanent);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task AssumeAsync_ManyTokenFaults_DoNotOpenTheStsBreaker()
    {
        var handler = new ScriptedHttpHandler((_, _, _) => Task.FromResult(WebIdentityOk()));
        var tokens = new TokenScript(call => call <= 10 ? throw new WebIdentityTokenException("identity endpoint down", isTransient: true) : "good.token.now");
        using var host = Build(handler, tokens, new() { ["Aws:StsBreakerMinimumThroughput"] = "2", ["Aws:StsBreakerFailureRatio"] = "0.1" });
        var assumer = host.Services.GetRequiredService<IRoleAssumer>();
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<UpstreamUnavailableException>(() => assumer.AssumeAsync(Alice, CancellationToken.None));
        }

        var credentials = await assumer.AssumeAsync(Alice, CancellationToken.None);

        Assert.Equal("ASIAFAKEACCESSKEY002", credentials.AccessKeyId);
        Assert.Equal(1, handler.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "ExpiredTokenException")]
    [InlineData(HttpStatusCode.BadRequest, "InvalidIdentityToken")]
    [InlineData(HttpStatusCode.Forbidden, "IDPRejectedClaim")]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied")]
    public async Task AssumeAsync_TokenRefusedBySts_IsPermanentAndDoesNotOpenTheBreaker(HttpStatusCode status, string code)
    {
        var refuse = true;
        var handler = new ScriptedHttpHandler((_, _, _) => Task.FromResult(refuse ? ScriptedHttpHandler.StsError(status, code) : WebIdentityOk()));
        using var host = Build(handler, new TokenScript(_ => "refused.token.value"), new() { ["Aws:StsBreakerMinimumThroughput"] = "2", ["Aws:StsBreakerFailureRatio"] = "0.1" });
        var assumer = host.Services.GetRequiredService<IRoleAssumer>();
        for (var i = 0; i < 5; i++)
        {
            var error = await Assert.ThrowsAsync<UpstreamUnavailableException>(() => assumer.AssumeAsync(Alice, CancellationToken.None));
            Assert.True(error.IsPermanent);
        }

        refuse = false;
        var credentials = await assumer.AssumeAsync(new RoleRequest("bob", [], TestLocations.Demo), CancellationToken.None);

        Assert.Equal("ASIAFAKEACCESSKEY002", credentials.AccessKeyId);
        Assert.Equal(6, handler.Calls);
    }

    private static HttpResponseMessage WebIdentityOk() => ScriptedHttpHandler.Xml(HttpStatusCode.OK, $"""
        <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleWithWebIdentityResult>
            <Credentials>
              <AccessKeyId>ASIAFAKEACCESSKEY002</AccessKeyId>
              <SecretAccessKey>fakeSecretAccessKey0000000000000000000002</SecretAccessKey>
              <SessionToken>fake-session-token</SessionToken>
              <Expiration>{DateTimeOffset.UtcNow.AddHours(1).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</Expiration>
            </Credentials>
            <SubjectFromWebIdentityToken>5f0c1e2d</SubjectFromWebIdentityToken>
            <AssumedRoleUser><Arn>arn:aws:sts:::assumed-role/reader/fb-alice</Arn><AssumedRoleId>AROAFAKE:fb-alice</AssumedRoleId></AssumedRoleUser>
          </AssumeRoleWithWebIdentityResult>
          <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000003</RequestId></ResponseMetadata>
        </AssumeRoleWithWebIdentityResponse>
        """);

    private static IHost Build(ScriptedHttpHandler handler, IWebIdentityTokenSource tokens, Dictionary<string, string?>? overrides = null)
    {
        var settings = AwsTestHost.Settings();
        settings.Remove("Aws:AccessKeyId");
        settings.Remove("Aws:SecretAccessKey");
        settings["Aws:CredentialSource"] = "WebIdentity";
        settings["Aws:WebIdentityAudience"] = "api://filebridge-aws";
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<Amazon.Runtime.HttpClientFactory>(new ScriptedHttpClientFactory(handler));
        builder.Services.AddSingleton(tokens);
        builder.AddFileBridgeAws();
        return builder.Build();
    }

    /// <summary>A token source answering from a function of the 1-based call number.</summary>
    private sealed class TokenScript(Func<int, string> answer) : IWebIdentityTokenSource
    {
        private int _calls;

        public string Description => "script";

        public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(answer(Interlocked.Increment(ref _calls)));
    }
}
