using System.Net;
using System.Text.Json;
using FileBridge.Testing;

namespace FileBridge.Functions.Tests.Pipeline;

/// <summary>
/// The behaviour both hosts promise through <c>ApiPipeline</c>, driven by the policies the probes declare. Each
/// host's adapter runs these same cases: the Functions middleware in-process, the DevHost over HTTP.
/// </summary>
public abstract class ApiPipelineContract
{
    /// <summary>Sends one request to the probe it names, served as a function of that name.</summary>
    protected abstract Task<PipelineAnswer> SendAsync(PipelineRequest request);

    /// <summary>The audit rows the pipeline wrote.</summary>
    protected abstract RecordingAuditLog AuditLog { get; }

    /// <summary>How often a session was looked up in the session store.</summary>
    protected abstract int SessionReads { get; }

    /// <summary>The address a request without a believed client-address header is counted under.</summary>
    protected abstract string SocketAddress { get; }

    private Task<PipelineAnswer> SendAsync(string probe) => SendAsync(new PipelineRequest(probe));

    [Fact]
    public async Task Success_IsNotStored()
    {
        var answer = await SendAsync(nameof(ProbeFunctions.Ok));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("no-store", answer.CacheControl);
    }

    [Fact]
    public async Task UnexpectedFault_Is500ProblemWithoutInternals()
    {
        var answer = await SendAsync(nameof(ProbeFunctions.Throws));

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal("internal_error", answer.Code);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.DoesNotContain("secret", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("line 42", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageDown_Is503WithRetryAfter()
    {
        var answer = await SendAsync(nameof(ProbeFunctions.StorageDown));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal("upstream_unavailable", answer.Code);
        Assert.NotNull(answer.RetryAfter);
    }

    [Fact]
    public async Task FunctionWithoutPolicy_Is500AndNeverRuns()
    {
        var answer = await SendAsync(nameof(ProbeFunctions.Undeclared));

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal("internal_error", answer.Code);
        Assert.DoesNotContain("ran", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverTheRate_Is429RateLimitedWithRetryAfter()
    {
        for (var i = 0; i < PipelineServices.Burst; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(nameof(ProbeFunctions.Ok))).Status);
        }

        var answer = await SendAsync(nameof(ProbeFunctions.Ok));

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Equal("rate_limited", answer.Code);
        Assert.Equal("1", answer.RetryAfter);
        Assert.Equal("no-store", answer.CacheControl);
        var row = Assert.Single(AuditLog.Events);
        Assert.Equal(("throttled", "requests", "429 rate_limited", null), (row.Action, row.Target, row.Outcome, row.UserId));
        Assert.Equal(SocketAddress, row.ClientAddress);
    }

    [Fact]
    public async Task SignedInCallerOverTheRate_IsCountedAsThemselvesWhateverTheirAddress()
    {
        for (var i = 0; i < PipelineServices.Burst; i++)
        {
            var allowed = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.Me)) { SignedIn = true, ClientAddress = $"198.51.100.{i + 1}" });
            Assert.Equal(HttpStatusCode.OK, allowed.Status);
        }

        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.Me)) { SignedIn = true, ClientAddress = "198.51.100.99" });

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Equal("rate_limited", answer.Code);
        var row = Assert.Single(AuditLog.Events);
        Assert.Equal(("throttled", "requests", PipelineSessions.UserId), (row.Action, row.Target, row.UserId));
    }

    [Fact]
    public async Task SignInsOverTheirOwnRate_Are429RateLimited()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(nameof(ProbeFunctions.SignIn))).Status);

        var answer = await SendAsync(nameof(ProbeFunctions.SignIn));

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Equal("rate_limited", answer.Code);
        Assert.InRange(int.Parse(answer.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture), 55, 60);
        var row = Assert.Single(AuditLog.Events);
        Assert.Equal(("throttled", "signins-per-client", "429 rate_limited", null), (row.Action, row.Target, row.Outcome, row.UserId));
    }

    [Fact]
    public async Task AnonymousRoute_NeverReadsTheSession()
    {
        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.SignIn)) { SignedIn = true });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(0, SessionReads);
    }

    [Fact]
    public async Task AnonymousRoute_CannotAskForTheCaller()
    {
        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.ReadsCallerAnonymously)) { SignedIn = true });

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal(0, SessionReads);
    }

    [Fact]
    public async Task AnyoneRoute_IdentifiesASignedInCallerAndAdmitsOthers()
    {
        var signedIn = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.Caller)) { SignedIn = true });
        var anonymous = await SendAsync(nameof(ProbeFunctions.Caller));

        Assert.Equal((HttpStatusCode.OK, PipelineSessions.UserId), (signedIn.Status, signedIn.Member("user")));
        Assert.Equal((HttpStatusCode.OK, "nobody"), (anonymous.Status, anonymous.Member("user")));
    }

    [Fact]
    public async Task SignedInRoute_WithoutSession_Is401AndNeverRuns()
    {
        var answer = await SendAsync(nameof(ProbeFunctions.Me));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("unauthenticated", answer.Code);
        Assert.Equal("no-store", answer.CacheControl);
        Assert.Empty(AuditLog.Events);
    }

    [Fact]
    public async Task SignedInRoute_HandsTheUserToTheFunction_ReadingTheSessionOnce()
    {
        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.Files)) { SignedIn = true, Query = "?prefix=alice/" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(PipelineSessions.UserId, answer.Member("user"));
        Assert.Equal(1, SessionReads);
    }

    [Fact]
    public async Task RepeatedSingleValuedParameter_Is400AuditedUnderTheDeclaredAction()
    {
        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.Files)) { SignedIn = true, Query = "?prefix=alice/&limit=1&limit=2" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("bad_request", answer.Code);
        Assert.Contains("limit", answer.Body, StringComparison.Ordinal);
        var row = Assert.Single(AuditLog.Events);
        Assert.Equal(("list", PipelineSessions.UserId, "alice/", "400 bad_request"), (row.Action, row.UserId, row.Target, row.Outcome));
        Assert.NotNull(row.RoleSessionName);
    }

    [Fact]
    public async Task RepeatedParameter_OfAnUnauthenticatedCaller_Is401First()
    {
        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.Files)) { Query = "?prefix=a/&prefix=b/" });

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Empty(AuditLog.Events);
    }

    [Theory]
    [InlineData("?key=alice/a.txt", "download")]
    [InlineData("?key=alice/a.txt&disposition=inline", "preview")]
    public async Task FunctionRefusal_IsAuditedUnderTheDeclaredAction(string query, string action)
    {
        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.Refuses)) { SignedIn = true, Query = query });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("forbidden_prefix", answer.Code);
        var row = Assert.Single(AuditLog.Events);
        Assert.Equal((action, PipelineSessions.UserId, "alice/a.txt", "403 forbidden_prefix"), (row.Action, row.UserId, row.Target, row.Outcome));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task StateChangingRequest_FromAnotherSite_Is403ForbiddenOrigin(string method)
    {
        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.Ok)) { Method = method, Origin = "https://evil.example" });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("forbidden_origin", answer.Code);
        Assert.Equal("no-store", answer.CacheControl);
    }

    [Theory]
    [InlineData("POST", null)]
    [InlineData("DELETE", null)]
    [InlineData("GET", "https://evil.example")]
    public async Task SameSiteOrReadOnlyRequest_PassesTheOriginCheck(string method, string? origin)
    {
        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.Ok)) { Method = method, Origin = origin });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task CrossSiteRequest_IsCountedBeforeItIsRefused()
    {
        await SendAsync(new PipelineRequest(nameof(ProbeFunctions.SignIn)) { Method = "POST", Origin = "https://evil.example" });

        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.SignIn)) { Method = "POST", Origin = "https://evil.example" });

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("6f3c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f, 6f3c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f")]
    public async Task RequestNotThroughTheRequiredFrontDoor_Is403ForbiddenOriginAndNeverRuns(string? frontDoorId)
    {
        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.Me)) { SignedIn = true, FrontDoorId = frontDoorId });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("forbidden_origin", answer.Code);
        Assert.Equal(0, SessionReads);
    }

    [Fact]
    public async Task HealthProbe_IsAnsweredWithoutTheFrontDoor_ButItsClientAddressHeaderIsNotBelieved()
    {
        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.Health)) { FrontDoorId = null, ClientAddress = "198.51.100.7" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(SocketAddress, Assert.Single(AuditLog.Events).ClientAddress);
    }

    [Fact]
    public async Task ClientAddressHeader_IsBelievedThroughTheFrontDoor()
    {
        var answer = await SendAsync(new PipelineRequest(nameof(ProbeFunctions.Health)) { ClientAddress = "198.51.100.7" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("198.51.100.7", Assert.Single(AuditLog.Events).ClientAddress);
    }

    /// <summary>One request to a probe; by default a GET through the required front door, without a session.</summary>
    public sealed record PipelineRequest(string Probe)
    {
        public string Method { get; init; } = "GET";

        public string Query { get; init; } = string.Empty;

        public bool SignedIn { get; init; }

        public string? Origin { get; init; }

        public string? FrontDoorId { get; init; } = PipelineServices.FrontDoorId;

        /// <summary>The value of the client-address header the front door would write.</summary>
        public string? ClientAddress { get; init; }

        public IEnumerable<(string Name, string Value)> Headers()
        {
            if (SignedIn)
            {
                yield return ("Cookie", $"{FileBridge.Functions.Http.SessionCookie.Name}={PipelineSessions.Token}");
            }

            if (Origin is not null)
            {
                yield return ("Origin", Origin);
            }

            if (FrontDoorId is not null)
            {
                yield return ("X-Azure-FDID", FrontDoorId);
            }

            if (ClientAddress is not null)
            {
                yield return (PipelineServices.ClientAddressHeader, ClientAddress);
            }
        }
    }

    /// <summary>What a client sees of an answer.</summary>
    public sealed record PipelineAnswer(HttpStatusCode Status, string? ContentType, string? CacheControl, string? RetryAfter, string Body)
    {
        public string? Code => Member("code");

        public string? Member(string name) =>
            Body.StartsWith('{') && JsonDocument.Parse(Body).RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
