using FileBridge.Core.Throttling;
using FileBridge.Functions.Http.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Tests.Http.Policy;

/// <summary>Every HTTP function declares what the pipeline applies to it, and the pipeline can apply what it declares.</summary>
public sealed class EndpointPoliciesTests
{
    private static readonly IReadOnlyList<HttpFunction> Functions = HttpFunction.Discover(typeof(FileBridgeApiExtensions).Assembly);

    [Fact]
    public void EveryHttpFunction_DeclaresAPolicy()
    {
        var undeclared = Functions.Where(f => f.Policy is null).Select(f => f.Name).ToList();

        Assert.True(Functions.Count >= 8, $"Found only {Functions.Count} HTTP functions.");
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Discover_FindsEveryFunctionsPolicy()
    {
        var policies = EndpointPolicies.Discover(typeof(FileBridgeApiExtensions).Assembly);

        Assert.All(Functions, f => Assert.Equal(f.Policy, policies.For(f.Name)));
    }

    [Fact]
    public void For_AFunctionWithoutPolicy_Throws()
    {
        var policies = new EndpointPolicies(new Dictionary<string, EndpointPolicyAttribute>());

        Assert.Throws<InvalidOperationException>(() => policies.For("ListFilesFunction"));
    }

    [Fact]
    public void EveryDeclaredCaller_IsARegisteredRequirement()
    {
        var registered = new ServiceCollection().AddCallerRequirements()
            .Where(d => d.IsKeyedService && d.ServiceType == typeof(ICallerRequirement))
            .Select(d => (string)d.ServiceKey!)
            .ToHashSet();

        Assert.All(Functions, f => Assert.Contains(f.Policy!.Caller, registered));
    }

    [Fact]
    public void EveryDeclaredLimiter_IsARouteLimiter()
    {
        using var limits = new RateLimits(Options.Create(new ThrottleOptions()), TimeProvider.System);
        var limiters = new RequestLimiters(limits);

        Assert.All(Functions, f => Assert.Contains(f.Policy!.Limiter, limiters.Names));
    }

    [Fact]
    public void EveryAuditTarget_IsSingleValued()
    {
        // A repeated target would be audited as the comma-joined value nobody sent.
        Assert.All(Functions.Where(f => f.Policy!.AuditTarget is not null), f => Assert.Contains(f.Policy!.AuditTarget!, f.Policy.SingleValued));
    }

    [Fact]
    public void Policies_AreTheContracts()
    {
        var declared = Functions.ToDictionary(
            // By function: since v3 a route may have a function per method (account/totp, account/passkeys).
            f => f.Name,
            f => $"{f.Policy!.Caller} {f.Policy.Limiter} [{string.Join(',', f.Policy.SingleValued)}] {f.Policy.Audit ?? "-"}{(f.Policy.OutsideFrontDoor ? " outside-front-door" : string.Empty)}");

        Assert.Equal("anonymous signins-per-client [] -", declared["LoginFunction"]);
        Assert.Equal("anyone-or-step requests [] -", declared["LogoutFunction"]);
        Assert.Equal("step:second-factor signins-per-client [] -", declared["SecondFactorFunction"]);
        Assert.Equal("anyone-or-step signins-per-client [] -", declared["PasskeySignInOptionsFunction"]);
        Assert.Equal("anyone-or-step signins-per-client [] -", declared["PasskeySignInFunction"]);
        Assert.Equal("signed-in signins-per-client [] -", declared["ReauthFunction"]);
        Assert.Equal("signed-in requests [] -", declared["AccountFunction"]);
        Assert.Equal("password-changer signins-per-client [] -", declared["ChangePasswordFunction"]);
        Assert.Equal("enroller requests [] -", declared["ConfirmTotpFunction"]);
        Assert.Equal("enroller requests [] -", declared["PasskeyRegistrationOptionsFunction"]);
        Assert.Equal("signed-in requests [] -", declared["ListPasskeysFunction"]);
        Assert.Equal("recently-authenticated requests [] -", declared["RemovePasskeyFunction"]);
        Assert.Equal("recently-authenticated requests [] -", declared["NewRecoveryCodesFunction"]);
        Assert.Equal("enroller requests [] -", declared["StartTotpFunction"]);
        Assert.Equal("recently-authenticated requests [] -", declared["RemoveTotpFunction"]);
        Assert.Equal("enroller requests [] -", declared["AddPasskeyFunction"]);
        Assert.Equal("signed-in requests [] -", declared["MeFunction"]);
        Assert.Equal("signed-in requests [prefix,cursor,limit] list", declared["ListFilesFunction"]);
        Assert.Equal("signed-in requests [prefix,q,cursor,limit] search", declared["SearchFilesFunction"]);
        Assert.Equal("signed-in requests [key,disposition,redirect] download", declared["DownloadFileFunction"]);
        Assert.Equal("anonymous requests [] - outside-front-door", declared["HealthFunction"]);
        Assert.Equal("anonymous requests [] - outside-front-door", declared["ReadinessFunction"]);
        Assert.Equal("signed-in requests [] -", declared["ListSessionsFunction"]);
        Assert.Equal("recently-authenticated requests [] session-ended", declared["EndSessionFunction"]);
        Assert.Equal("recently-authenticated requests [] session-ended", declared["EndOtherSessionsFunction"]);
    }
}
