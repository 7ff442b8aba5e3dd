using System.Text.Json;
using FileBridge.Core.Passkeys;
using FileBridge.Core.SecondFactor;
using Microsoft.AspNetCore.WebUtilities;

namespace FileBridge.Integration.Tests.SecondFactor;

/// <summary>Real Fido2 ceremonies against a software authenticator and real Azurite tables.</summary>
public sealed class PasskeyCeremonyTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SoftwareAuthenticator _authenticator = new();

    [Fact]
    public async Task BeginAsync_CreationOptions_AreTheStandardJsonForm()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");

        var begun = await world.Registration.BeginAsync(ann, "Ann Smith", None);

        var options = JsonDocument.Parse(begun!.OptionsJson).RootElement;
        Assert.Equal("localhost", options.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal(32, WebEncoders.Base64UrlDecode(options.GetProperty("challenge").GetString()!).Length);
        var userId = WebEncoders.Base64UrlDecode(options.GetProperty("user").GetProperty("id").GetString()!);
        Assert.Equal(32, userId.Length);
        Assert.DoesNotContain("ann", System.Text.Encoding.UTF8.GetString(userId), StringComparison.Ordinal);
        Assert.Equal("required", options.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString());
        Assert.Equal("required", options.GetProperty("authenticatorSelection").GetProperty("userVerification").GetString());
        Assert.Equal("none", options.GetProperty("attestation").GetString());
        Assert.Empty(options.GetProperty("excludeCredentials").EnumerateArray());
        Assert.Contains(options.GetProperty("pubKeyCredParams").EnumerateArray(), p => p.GetProperty("alg").GetInt32() == -7);
        Assert.False(options.TryGetProperty("status", out _));
        Assert.Equal(world.Time.GetUtcNow() + ChallengeStore.Lifetime, begun.Ticket.ExpiresAt);
    }

    [Fact]
    public async Task BeginAsync_SameAccountTwice_KeepsOneUserHandleAndExcludesExistingPasskeys()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        await RegisterAsync(world, ann);

        var again = JsonDocument.Parse((await world.Registration.BeginAsync(ann, "Ann", None))!.OptionsJson).RootElement;

        Assert.Equal(_authenticator.UserHandle, WebEncoders.Base64UrlDecode(again.GetProperty("user").GetProperty("id").GetString()!));
        Assert.Equal([_authenticator.CredentialIdText], again.GetProperty("excludeCredentials").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task CompleteAsync_FirstPasskey_StoresItAndMakesRecoveryCodes()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");

        var result = await RegisterAsync(world, ann, "  Laptop  ");

        Assert.Equal(new PasskeyInfo(_authenticator.CredentialIdText, "Laptop", world.Time.GetUtcNow(), null), result.Passkey);
        Assert.Equal(10, result.RecoveryCodes!.Count);
        Assert.Equal([result.Passkey!], await world.Management.ListAsync(ann, None));
        Assert.Equal(new FactorSummary(false, 1, 10), await world.Summary.ReadAsync(ann, None));
    }

    [Fact]
    public async Task CompleteAsync_SecondFactorAfterTotp_MakesNoNewCodes()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        await world.EnrolTotpAsync(ann);

        var result = await RegisterAsync(world, ann);

        Assert.NotNull(result.Passkey);
        Assert.Null(result.RecoveryCodes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a name that is much longer than sixty-four characters, which is the limit")]
    public async Task CompleteAsync_BadName_IsRefused(string name)
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");

        var result = await RegisterAsync(world, ann, name);

        Assert.Null(result.Passkey);
        Assert.Empty(await world.Management.ListAsync(ann, None));
    }

    [Fact]
    public async Task CompleteAsync_WithoutUserVerification_IsRefused()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        _authenticator.VerifiesUser = false;

        var result = await RegisterAsync(world, ann);

        Assert.Null(result.Passkey);
    }

    [Fact]
    public async Task CompleteAsync_ChallengeIssuedForAnotherPerson_IsRefused()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var bob = await world.AddUserAsync("bob");
        var begun = await world.Registration.BeginAsync(ann, "Ann", None);

        var result = await world.Registration.CompleteAsync(
            begun!.Ticket.Binding, bob, _authenticator.Create(begun.OptionsJson), "Laptop", SecondFactorWorld.AppOrigin, None);

        Assert.Null(result.Passkey);
        Assert.Empty(await world.Management.ListAsync(bob, None));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"id\":\"x\",\"rawId\":\"***\",\"type\":\"public-key\",\"response\":{}}")]
    public async Task CompleteAsync_MalformedCredential_IsRefusedWithoutAnException(string credential)
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var begun = await world.Registration.BeginAsync(ann, "Ann", None);

        var result = await world.Registration.CompleteAsync(
            begun!.Ticket.Binding, ann, JsonDocument.Parse(credential).RootElement, "Laptop", SecondFactorWorld.AppOrigin, None);

        Assert.Null(result.Passkey);
    }

    [Fact]
    public async Task SignIn_DiscoverablePasskey_NamesTheAccount()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        await RegisterAsync(world, ann);
        world.Time.Advance(TimeSpan.FromMinutes(1));

        var begun = await world.Assertion.BeginAsync(userId: null, None);
        var result = await world.Assertion.CompleteAsync(
            begun.Ticket.Binding, _authenticator.Get(begun.OptionsJson), expectedUserId: null, SecondFactorWorld.AppOrigin, None);

        Assert.Empty(JsonDocument.Parse(begun.OptionsJson).RootElement.GetProperty("allowCredentials").EnumerateArray());
        Assert.Equal("required", JsonDocument.Parse(begun.OptionsJson).RootElement.GetProperty("userVerification").GetString());
        Assert.Equal(ann, result.UserId);
        Assert.Equal(world.Time.GetUtcNow(), (await world.Management.ListAsync(ann, None)).Single().LastUsedAt);
    }

    [Fact]
    public async Task SignIn_KnownPerson_AllowsOnlyTheirPasskeys()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        await RegisterAsync(world, ann);

        var begun = await world.Assertion.BeginAsync(ann, None);
        var result = await world.Assertion.CompleteAsync(
            begun.Ticket.Binding, _authenticator.Get(begun.OptionsJson), ann, SecondFactorWorld.AppOrigin, None);

        Assert.Equal([_authenticator.CredentialIdText],
            JsonDocument.Parse(begun.OptionsJson).RootElement.GetProperty("allowCredentials").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task SignIn_OnePersonsPendingStepWithAnothersPasskey_IsRefused()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var bob = await world.AddUserAsync("bob");
        await RegisterAsync(world, ann);

        var begun = await world.Assertion.BeginAsync(bob, None);
        var result = await world.Assertion.CompleteAsync(
            begun.Ticket.Binding, _authenticator.Get(begun.OptionsJson), bob, SecondFactorWorld.AppOrigin, None);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task SignIn_ChallengeOfAnotherBrowser_IsRefused()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        await RegisterAsync(world, ann);
        var theirs = await world.Assertion.BeginAsync(null, None);
        var mine = await world.Assertion.BeginAsync(null, None);

        var result = await world.Assertion.CompleteAsync(
            mine.Ticket.Binding, _authenticator.Get(theirs.OptionsJson), null, SecondFactorWorld.AppOrigin, None);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task SignIn_SameAssertionTwice_AcceptedOnce()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        await RegisterAsync(world, ann);
        var begun = await world.Assertion.BeginAsync(null, None);
        var assertion = _authenticator.Get(begun.OptionsJson);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            world.Assertion.CompleteAsync(begun.Ticket.Binding, assertion, null, SecondFactorWorld.AppOrigin, None))));

        Assert.Single(results, r => r.Succeeded);
    }

    [Fact]
    public async Task SignIn_AfterFiveMinutes_ChallengeExpired()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        await RegisterAsync(world, ann);
        var begun = await world.Assertion.BeginAsync(null, None);

        world.Time.Advance(ChallengeStore.Lifetime + TimeSpan.FromSeconds(1));
        var result = await world.Assertion.CompleteAsync(
            begun.Ticket.Binding, _authenticator.Get(begun.OptionsJson), null, SecondFactorWorld.AppOrigin, None);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task SignIn_RemovedPasskey_IsRefused()
    {
        var world = await SecondFactorWorld.CreateAsync(SecondFactorPolicy.Optional);
        var ann = await world.AddUserAsync("ann");
        await RegisterAsync(world, ann);

        var removal = await world.Management.RemoveAsync(ann, _authenticator.CredentialIdText, None);
        var result = await SignInAsync(world);

        Assert.Equal(FactorRemoval.Removed, removal);
        Assert.False(result.Succeeded);
        Assert.Equal(FactorSummary.None, await world.Summary.ReadAsync(ann, None));
    }

    [Fact]
    public async Task RemoveAsync_LastPasskeyUnderRequired_Stays()
    {
        var world = await SecondFactorWorld.CreateAsync(SecondFactorPolicy.Required);
        var ann = await world.AddUserAsync("ann");
        await RegisterAsync(world, ann);

        var removal = await world.Management.RemoveAsync(ann, _authenticator.CredentialIdText, None);

        Assert.Equal(FactorRemoval.LastFactor, removal);
        Assert.True((await SignInAsync(world)).Succeeded);
    }

    [Fact]
    public async Task RemoveAsync_AnotherPersonsPasskey_NotFound()
    {
        var world = await SecondFactorWorld.CreateAsync(SecondFactorPolicy.Optional);
        var ann = await world.AddUserAsync("ann");
        var bob = await world.AddUserAsync("bob");
        await RegisterAsync(world, ann);

        Assert.Equal(FactorRemoval.NotFound, await world.Management.RemoveAsync(bob, _authenticator.CredentialIdText, None));
        Assert.Single(await world.Management.ListAsync(ann, None));
    }

    [Fact]
    public async Task SignIn_AfterFactorsWereReset_IsRefused()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        await RegisterAsync(world, ann);
        await world.EnrolTotpAsync(ann);

        var reset = await world.Reset.ResetAsync(ann, None);
        var result = await SignInAsync(world);

        Assert.True(reset);
        Assert.False(result.Succeeded);
        Assert.Equal(FactorSummary.None, await world.Summary.ReadAsync(ann, None));
    }

    [Fact]
    public async Task SignIn_PasskeyOfAnotherRelyingPartyId_IsRefused()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        await RegisterAsync(world, ann);
        _authenticator.RpId = "evil.example";

        var result = await SignInAsync(world);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task SignIn_FromAnOriginThatIsNotAccepted_IsRefused()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        await RegisterAsync(world, ann);
        _authenticator.Origin = "http://localhost:9999";

        var result = await SignInAsync(world);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Register_FromAnOriginOutsideTheRelyingPartyId_IsRefused()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        using var phishing = new SoftwareAuthenticator(rpId: "localhost", origin: "https://files.example.net");

        var begun = await world.Registration.BeginAsync(ann, "Ann", None);
        var result = await world.Registration.CompleteAsync(
            begun!.Ticket.Binding, ann, phishing.Create(begun.OptionsJson), "Laptop", appOrigin: "https://files.example.net", None);

        Assert.Null(result.Passkey);
    }

    [Fact]
    public async Task SignIn_FromAnAllowedOriginUnderTheRelyingPartyId_Works()
    {
        var world = await SecondFactorWorld.CreateAsync(rpId: "example.com", allowedOrigins: "https://web.example.com");
        var ann = await world.AddUserAsync("ann");
        using var authenticator = new SoftwareAuthenticator(rpId: "example.com", origin: "https://web.example.com");
        var begun = await world.Registration.BeginAsync(ann, "Ann", None);
        var registered = await world.Registration.CompleteAsync(
            begun!.Ticket.Binding, ann, authenticator.Create(begun.OptionsJson), "Phone", appOrigin: "https://files.example.com", None);

        var signIn = await world.Assertion.BeginAsync(null, None);
        var result = await world.Assertion.CompleteAsync(
            signIn.Ticket.Binding, authenticator.Get(signIn.OptionsJson), null, appOrigin: "https://files.example.com", None);

        Assert.NotNull(registered.Passkey);
        Assert.Equal(ann, result.UserId);
    }

    public void Dispose() => _authenticator.Dispose();

    private async Task<PasskeyRegistrationResult> RegisterAsync(SecondFactorWorld world, string userId, string name = "Laptop")
    {
        var begun = await world.Registration.BeginAsync(userId, userId, None);
        return await world.Registration.CompleteAsync(
            begun!.Ticket.Binding, userId, _authenticator.Create(begun.OptionsJson), name, SecondFactorWorld.AppOrigin, None);
    }

    private async Task<PasskeyAssertionResult> SignInAsync(SecondFactorWorld world)
    {
        var begun = await world.Assertion.BeginAsync(null, None);
        return await world.Assertion.CompleteAsync(
            begun.Ticket.Binding, _authenticator.Get(begun.OptionsJson), null, SecondFactorWorld.AppOrigin, None);
    }
}
