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
            f => f.Trigger.Route!,
            f => $"{f.Policy!.Caller} {f.Policy.Limiter} [{string.Join(',', f.Policy.SingleValued)}] {f.Policy.Audit ?? "-"}{(f.Policy.OutsideFrontDoor ? " outside-front-door" : string.Empty)}");

        Assert.Equal("anonymous signins-per-client [] -", declared["auth/login"]);
        Assert.Equal("anyone requests [] -", declared["auth/logout"]);
        Assert.Equal("signed-in requests [] -", declared["auth/me"]);
        Assert.Equal("signed-in requests [prefix,cursor,limit] list", declared["files"]);
        Assert.Equal("signed-in requests [prefix,q,cursor,limit] search", declared["files/search"]);
        Assert.Equal("signed-in requests [key,disposition] download", declared["files/download"]);
        Assert.Equal("anonymous requests [] - outside-front-door", declared["health"]);
        Assert.Equal("anonymous requests [] - outside-front-door", declared["health/ready"]);
        Assert.Equal("signed-in requests [] -", declared["account/sessions"]);
        Assert.Equal("signed-in requests [] session-ended", declared["account/sessions/{id}"]);
        Assert.Equal("signed-in requests [] session-ended", declared["account/sessions/end-others"]);
    }
}
