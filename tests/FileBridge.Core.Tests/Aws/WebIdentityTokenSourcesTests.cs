using Azure.Core;
using Azure.Identity;
using FileBridge.Core.Aws;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Tests.Aws;

public sealed class WebIdentityTokenSourcesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("filebridge-token-tests-");

    private string TokenFile => Path.Combine(_folder.FullName, "token.jwt");

    [Fact]
    public void Select_WithATokenFile_ReadsTheFile()
    {
        using var services = Services(new AwsOptions { CredentialSource = "WebIdentity", WebIdentityTokenFile = TokenFile });

        var source = WebIdentityTokenSources.Select(services);

        Assert.IsType<WebIdentityTokenFileSource>(source);
    }

    [Fact]
    public void Select_WithAnAudience_AsksTheManagedIdentity()
    {
        using var services = Services(new AwsOptions { CredentialSource = "WebIdentity", WebIdentityAudience = "api://filebridge-aws" });

        var source = WebIdentityTokenSources.Select(services);

        Assert.IsType<ManagedIdentityTokenSource>(source);
    }

    [Fact]
    public async Task TokenFile_IsReadAgainOnEveryCall()
    {
        var source = new WebIdentityTokenFileSource(Options.Create(new AwsOptions { WebIdentityTokenFile = TokenFile }));
        await File.WriteAllTextAsync(TokenFile, "first.token.value\n");
        var first = await source.GetTokenAsync(CancellationToken.None);
        await File.WriteAllTextAsync(TokenFile, "second.token.value");

        var second = await source.GetTokenAsync(CancellationToken.None);

        Assert.Equal("first.token.value", first);
        Assert.Equal("second.token.value", second);
    }

    [Fact]
    public async Task TokenFile_Missing_IsAPermanentTokenFault()
    {
        var source = new WebIdentityTokenFileSource(Options.Create(new AwsOptions { WebIdentityTokenFile = TokenFile }));

        var error = await Assert.ThrowsAsync<WebIdentityTokenException>(() => source.GetTokenAsync(CancellationToken.None));

        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task TokenFile_Empty_IsAPermanentTokenFault()
    {
        await File.WriteAllTextAsync(TokenFile, " \n");
        var source = new WebIdentityTokenFileSource(Options.Create(new AwsOptions { WebIdentityTokenFile = TokenFile }));

        var error = await Assert.ThrowsAsync<WebIdentityTokenException>(() => source.GetTokenAsync(CancellationToken.None));

        Assert.False(error.IsTransient);
    }

    [Theory]
    [InlineData("api://filebridge-aws", "api://filebridge-aws/.default")]
    [InlineData("api://filebridge-aws/", "api://filebridge-aws/.default")]
    [InlineData("00000000-0000-0000-0000-00000000abcd", "00000000-0000-0000-0000-00000000abcd/.default")]
    public async Task ManagedIdentity_AsksForTheAudiencesDefaultScope(string audience, string expectedScope)
    {
        var credential = new FakeCredential(_ => new AccessToken("header.payload.signature", DateTimeOffset.UtcNow.AddHours(1)));
        var source = new ManagedIdentityTokenSource(credential, Options.Create(new AwsOptions { WebIdentityAudience = audience }));

        var token = await source.GetTokenAsync(CancellationToken.None);

        Assert.Equal("header.payload.signature", token);
        Assert.Equal([expectedScope], Assert.Single(credential.Requests).Scopes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ManagedIdentity_Failure_IsATokenFaultWithItsClassification(bool unreachable)
    {
        Exception fault = unreachable
            ? new AuthenticationFailedException("unreachable", new HttpRequestException("connection refused"))
            : new CredentialUnavailableException("no managed identity here");
        var source = new ManagedIdentityTokenSource(new FakeCredential(_ => throw fault), Options.Create(new AwsOptions { WebIdentityAudience = "api://filebridge-aws" }));

        var error = await Assert.ThrowsAsync<WebIdentityTokenException>(() => source.GetTokenAsync(CancellationToken.None));

        Assert.Equal(unreachable, error.IsTransient);
        Assert.Same(fault, error.InnerException);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static ServiceProvider Services(AwsOptions options)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<TokenCredential>(new FakeCredential(_ => throw new InvalidOperationException("not called")));
        return services.BuildServiceProvider();
    }

    /// <summary>Stands in for the managed identity: answers from a function and records what was asked.</summary>
    internal sealed class FakeCredential(Func<TokenRequestContext, AccessToken> answer) : TokenCredential
    {
        public List<TokenRequestContext> Requests { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Requests.Add(requestContext);
            return answer(requestContext);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
