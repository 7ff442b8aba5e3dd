using System.Net;
using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.Core.Sessions;
using FileBridge.Core.Tests.Aws;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Files;

public sealed class FileCatalogTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly List<HttpRequestMessage> _s3Requests = [];
    private Func<HttpRequestMessage, HttpResponseMessage> _s3Answer = _ => new HttpResponseMessage(HttpStatusCode.InternalServerError);

    private static AuthenticatedUser Alice => new("alice", "Alice", ["home/alice/"], DateTimeOffset.UtcNow.AddHours(8));

    private static AuthenticatedUser Admin => new("admin", "Admin", ["*"], DateTimeOffset.UtcNow.AddHours(8));

    private static AuthenticatedUser Newcomer => new("newcomer", "Newcomer", null, DateTimeOffset.UtcNow.AddHours(8));

    private static string EmptyListing => """<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>filebridge-demo</Name><Prefix>home/alice/</Prefix><KeyCount>0</KeyCount><MaxKeys>200</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>""";

    [Theory]
    [InlineData("../", null, null)]
    [InlineData("home/../etc/", null, null)]
    [InlineData("/home/", null, null)]
    [InlineData("", "", null)]
    [InlineData("", null, "0")]
    [InlineData("", null, "1001")]
    [InlineData("", null, "-5")]
    [InlineData("", null, "ten")]
    [InlineData("", null, "1.5")]
    [InlineData("", null, " 10")]
    public async Task ListAsync_BadInput_IsBadRequestWithoutAnyAwsCall(string prefix, string? cursor, string? limit)
    {
        var (catalog, assumer) = Create();

        var result = await catalog.ListAsync(Admin, new ListFilesQuery(prefix, cursor, limit), CancellationToken.None);

        Assert.Equal(FileFailureKind.BadRequest, result.Failure?.Kind);
        Assert.Equal(0, assumer.Calls);
        Assert.Empty(_s3Requests);
    }

    [Theory]
    [InlineData("", new[] { "home/" })]
    [InlineData("home", new[] { "home/alice/" })]
    public async Task ListAsync_AboveTheUsersPrefix_ShowsOnlyTheWayDownWithoutAws(string prefix, string[] expected)
    {
        var (catalog, assumer) = Create();

        var result = await catalog.ListAsync(Alice, new ListFilesQuery(prefix, null, null), CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal(expected, result.Value!.Folders.Select(f => f.Prefix).ToArray());
        Assert.Empty(result.Value.Files);
        Assert.Null(result.Value.NextCursor);
        Assert.Equal(0, assumer.Calls);
        Assert.Empty(_s3Requests);
    }

    [Theory]
    [InlineData("home/bob/")]
    [InlineData("projects/")]
    [InlineData("home/alice-private/")]
    public async Task ListAsync_OutsideTheUsersPrefixes_IsForbiddenWithoutAws(string prefix)
    {
        var (catalog, assumer) = Create();

        var result = await catalog.ListAsync(Alice, new ListFilesQuery(prefix, null, null), CancellationToken.None);

        Assert.Equal(FileFailureKind.Forbidden, result.Failure?.Kind);
        Assert.Equal(0, assumer.Calls);
    }

    [Fact]
    public async Task ListAsync_S3Page_MapsFoldersFilesAndCursor()
    {
        _s3Answer = _ => ScriptedHttpHandler.Xml(HttpStatusCode.OK, """
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>filebridge-demo</Name><Prefix>home/alice/</Prefix><KeyCount>3</KeyCount><MaxKeys>2</MaxKeys>
              <Delimiter>/</Delimiter><IsTruncated>true</IsTruncated><NextContinuationToken>next-token-1</NextContinuationToken>
              <Contents><Key>home/alice/</Key><LastModified>2024-06-01T10:00:00.000Z</LastModified><Size>0</Size></Contents>
              <Contents><Key>home/alice/todo.txt</Key><LastModified>2024-06-02T10:00:00.000Z</LastModified><Size>42</Size></Contents>
              <CommonPrefixes><Prefix>home/alice/notes/</Prefix></CommonPrefixes>
            </ListBucketResult>
            """);
        var (catalog, assumer) = Create();

        var result = await catalog.ListAsync(Alice, new ListFilesQuery("home/alice", null, "2"), CancellationToken.None);

        var listing = result.Value!;
        Assert.Equal("home/alice/", listing.Prefix);
        Assert.Equal([new FolderEntry("home/alice/notes/", "notes")], listing.Folders);
        var file = Assert.Single(listing.Files);
        Assert.Equal(("home/alice/todo.txt", "todo.txt", 42L), (file.Key, file.Name, file.Size));
        Assert.Equal(new DateTimeOffset(2024, 6, 2, 10, 0, 0, TimeSpan.Zero), file.LastModified);
        Assert.Equal("next-token-1", ListingCursor.TryDecode(listing.NextCursor!, "home/alice/"));
        var query = Uri.UnescapeDataString(Assert.Single(_s3Requests).RequestUri!.Query);
        Assert.Contains("delimiter=/", query, StringComparison.Ordinal);
        Assert.Contains("max-keys=2", query, StringComparison.Ordinal);
        Assert.Contains("prefix=home/alice/", query, StringComparison.Ordinal);
        Assert.Equal(1, assumer.Calls);
    }

    [Fact]
    public async Task ListAsync_CursorOfAnotherPrefix_IsBadRequest()
    {
        var (catalog, assumer) = Create();
        var cursor = ListingCursor.Encode("home/alice/notes/", "t");

        var result = await catalog.ListAsync(Alice, new ListFilesQuery("home/alice/", cursor, null), CancellationToken.None);

        Assert.Equal(FileFailureKind.BadRequest, result.Failure?.Kind);
        Assert.Equal(0, assumer.Calls);
    }

    [Fact]
    public async Task ListAsync_StsUnavailable_IsUnavailableWithRetryAfter()
    {
        var (catalog, assumer) = Create();
        assumer.Failure = new UpstreamUnavailableException("down", TimeSpan.FromSeconds(7), isPermanent: false);

        var result = await catalog.ListAsync(Alice, new ListFilesQuery("home/alice/", null, null), CancellationToken.None);

        Assert.Equal(FileFailureKind.Unavailable, result.Failure?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), result.Failure!.RetryAfter);
    }

    [Fact]
    public async Task ListAsync_S3Outage_IsUnavailableNotAnException()
    {
        _s3Answer = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var (catalog, _) = Create();

        var result = await catalog.ListAsync(Admin, new ListFilesQuery("", null, null), CancellationToken.None);

        Assert.Equal(FileFailureKind.Unavailable, result.Failure?.Kind);
    }

    [Theory]
    [InlineData("ExpiredToken")]
    [InlineData("InvalidToken")]
    [InlineData("InvalidAccessKeyId")]
    [InlineData("InvalidClientTokenId")]
    public async Task ListAsync_S3SaysTheCredentialsAreBad_FetchesNewOnesAndTriesAgain(string code)
    {
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.Forbidden, HttpStatusCode.OK]);
        _s3Answer = _ => answers.Dequeue() == HttpStatusCode.OK
            ? ScriptedHttpHandler.Xml(HttpStatusCode.OK, EmptyListing)
            : ScriptedHttpHandler.Xml(HttpStatusCode.Forbidden, $"<Error><Code>{code}</Code></Error>");
        var (catalog, assumer) = Create();

        var result = await catalog.ListAsync(Alice, new ListFilesQuery("home/alice/", null, null), CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal(2, assumer.Calls);
        Assert.Equal(2, _s3Requests.Count);
    }

    [Fact]
    public async Task ListAsync_S3KeepsSayingTheCredentialsAreBad_FetchesNewOnesOnceAMinuteWhateverTheRequests()
    {
        _s3Answer = _ => ScriptedHttpHandler.Xml(HttpStatusCode.Forbidden, "<Error><Code>ExpiredToken</Code></Error>");
        var (catalog, assumer) = Create();

        var results = new List<FileResult<FileListing>>();
        for (var i = 0; i < 100; i++)
        {
            results.Add(await catalog.ListAsync(Alice, new ListFilesQuery("home/alice/", null, null), CancellationToken.None));
        }

        var callsInTheFirstMinute = assumer.Calls;
        _time.Advance(TimeSpan.FromMinutes(1));
        await catalog.ListAsync(Alice, new ListFilesQuery("home/alice/", null, null), CancellationToken.None);

        Assert.All(results, r => Assert.Equal(FileFailureKind.Unavailable, r.Failure?.Kind));
        Assert.Equal(2, callsInTheFirstMinute);
        Assert.Equal(3, assumer.Calls);
    }

    [Fact]
    public async Task ListAsync_S3RefusesThePrefix_IsUnavailableAndKeepsTheCredentials()
    {
        _s3Answer = _ => ScriptedHttpHandler.Xml(HttpStatusCode.Forbidden, "<Error><Code>AccessDenied</Code></Error>");
        var (catalog, assumer) = Create();

        for (var i = 0; i < 100; i++)
        {
            var result = await catalog.ListAsync(Alice, new ListFilesQuery("home/alice/", null, null), CancellationToken.None);
            Assert.Equal(FileFailureKind.Unavailable, result.Failure?.Kind);
        }

        Assert.Equal(1, assumer.Calls);
        Assert.Equal(100, _s3Requests.Count);
    }

    [Fact]
    public async Task ListAsync_SignatureMismatchOnTheFirstCall_KeepsTheCredentials()
    {
        _s3Answer = _ => ScriptedHttpHandler.Xml(HttpStatusCode.Forbidden, "<Error><Code>SignatureDoesNotMatch</Code></Error>");
        var (catalog, assumer) = Create();

        var result = await catalog.ListAsync(Alice, new ListFilesQuery("home/alice/", null, null), CancellationToken.None);

        Assert.Equal(FileFailureKind.Unavailable, result.Failure?.Kind);
        Assert.Equal(1, assumer.Calls);
    }

    [Fact]
    public async Task ListAsync_SignatureMismatchAfterTheCredentialsWorked_FetchesNewOnes()
    {
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.OK]);
        _s3Answer = _ => answers.Dequeue() == HttpStatusCode.OK
            ? ScriptedHttpHandler.Xml(HttpStatusCode.OK, EmptyListing)
            : ScriptedHttpHandler.Xml(HttpStatusCode.Forbidden, "<Error><Code>SignatureDoesNotMatch</Code></Error>");
        var (catalog, assumer) = Create();

        var first = await catalog.ListAsync(Alice, new ListFilesQuery("home/alice/", null, null), CancellationToken.None);
        var second = await catalog.ListAsync(Alice, new ListFilesQuery("home/alice/", null, null), CancellationToken.None);

        Assert.Null(first.Failure);
        Assert.Null(second.Failure);
        Assert.Equal(2, assumer.Calls);
    }

    [Fact]
    public async Task ListAsync_NoGrantAndNoDefaults_RootIsEmptyWithoutAws()
    {
        var (catalog, assumer) = Create();

        var result = await catalog.ListAsync(Newcomer, new ListFilesQuery("", null, null), CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal("", result.Value!.Prefix);
        Assert.Empty(result.Value.Folders);
        Assert.Empty(result.Value.Files);
        Assert.Null(result.Value.NextCursor);
        Assert.Equal(0, assumer.Calls);
        Assert.Empty(_s3Requests);
    }

    [Theory]
    [InlineData("home/")]
    [InlineData("shared/")]
    [InlineData("proj*/")]
    public async Task ListAsync_NoGrantAndNoDefaults_AnyFolderIsForbidden(string prefix)
    {
        var (catalog, assumer) = Create();

        var result = await catalog.ListAsync(Newcomer, new ListFilesQuery(prefix, null, null), CancellationToken.None);

        Assert.Equal(FileFailureKind.Forbidden, result.Failure?.Kind);
        Assert.Equal(0, assumer.Calls);
    }

    [Fact]
    public async Task GetDownloadLinkAsync_NoGrantAndNoDefaults_IsForbidden()
    {
        var (catalog, assumer) = Create();

        var result = await catalog.GetDownloadLinkAsync(Newcomer, "README.txt", CancellationToken.None);

        Assert.Equal(FileFailureKind.Forbidden, result.Failure?.Kind);
        Assert.Equal(0, assumer.Calls);
    }

    [Theory]
    [InlineData("shared/", new[] { "shared/" })]
    [InlineData("home/alice/;shared/", new[] { "home/", "shared/" })]
    public async Task ListAsync_NoGrantOfTheirOwn_SeesTheDefaults(string defaults, string[] expected)
    {
        var (catalog, _) = Create(defaultPrefixes: defaults);

        var result = await catalog.ListAsync(Newcomer, new ListFilesQuery("", null, null), CancellationToken.None);

        Assert.Equal(expected, result.Value!.Folders.Select(f => f.Prefix).ToArray());
    }

    [Fact]
    public async Task ListAsync_DefaultsGrantEverything_ListsTheBucketRoot()
    {
        _s3Answer = _ => ScriptedHttpHandler.Xml(HttpStatusCode.OK, EmptyListing);
        var (catalog, assumer) = Create(defaultPrefixes: "*");

        var result = await catalog.ListAsync(Newcomer, new ListFilesQuery("", null, null), CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal(1, assumer.Calls);
        Assert.Empty(assumer.Requests.Single().Prefixes);
    }

    [Theory]
    [InlineData("home/bob/todo.txt", FileFailureKind.Forbidden)]
    [InlineData("README.txt", FileFailureKind.Forbidden)]
    [InlineData("home/alice/", FileFailureKind.BadRequest)]
    [InlineData("home/alice/../bob/todo.txt", FileFailureKind.BadRequest)]
    [InlineData("", FileFailureKind.BadRequest)]
    public async Task GetDownloadLinkAsync_RefusedKeys_NeverReachAws(string key, FileFailureKind expected)
    {
        var (catalog, assumer) = Create();

        var result = await catalog.GetDownloadLinkAsync(Alice, key, CancellationToken.None);

        Assert.Equal(expected, result.Failure?.Kind);
        Assert.Equal(0, assumer.Calls);
    }

    [Fact]
    public async Task GetDownloadLinkAsync_MissingObject_IsNotFound()
    {
        _s3Answer = _ => new HttpResponseMessage(HttpStatusCode.NotFound);
        var (catalog, _) = Create();

        var result = await catalog.GetDownloadLinkAsync(Alice, "home/alice/missing.txt", CancellationToken.None);

        Assert.Equal(FileFailureKind.NotFound, result.Failure?.Kind);
        Assert.Equal(HttpMethod.Head, Assert.Single(_s3Requests).Method);
    }

    [Fact]
    public async Task GetDownloadLinkAsync_HeadAnswers403InScope_IsNotFoundAndKeepsTheCredentials()
    {
        // Without s3:ListBucket on the key, S3 answers a HEAD of a missing key with a bare 403.
        _s3Answer = _ => new HttpResponseMessage(HttpStatusCode.Forbidden);
        var (catalog, assumer) = Create();

        var results = new List<FileResult<DownloadLink>>();
        for (var i = 0; i < 100; i++)
        {
            results.Add(await catalog.GetDownloadLinkAsync(Alice, $"home/alice/missing-{i}.txt", CancellationToken.None));
        }

        Assert.All(results, r => Assert.Equal(FileFailureKind.NotFound, r.Failure?.Kind));
        Assert.Equal(1, assumer.Calls);
        Assert.All(_s3Requests, r => Assert.Equal(HttpMethod.Head, r.Method));
    }

    [Fact]
    public async Task GetDownloadLinkAsync_ExistingObject_PresignsAnAttachmentForTheConfiguredLifetime()
    {
        _s3Answer = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        var (catalog, _) = Create();

        var result = await catalog.GetDownloadLinkAsync(Alice, "home/alice/Résumé draft.txt", CancellationToken.None);

        var link = result.Value!;
        var query = Uri.UnescapeDataString(link.Url.Query);
        Assert.Equal("http", link.Url.Scheme);
        Assert.Equal("/filebridge-demo/home/alice/R%C3%A9sum%C3%A9%20draft.txt", link.Url.AbsolutePath);
        Assert.InRange(ExpiresSeconds(link.Url), 299, 301);
        Assert.Contains("response-content-disposition=attachment; filename=\"R_sum_ draft.txt\"", query, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow().AddMinutes(5), link.ExpiresAt);
    }

    [Fact]
    public async Task GetDownloadLinkAsync_CredentialsEndSooner_LinkEndsWithThem()
    {
        _s3Answer = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        var (catalog, _) = Create(credentialLifetime: TimeSpan.FromMinutes(3));

        var result = await catalog.GetDownloadLinkAsync(Alice, "home/alice/todo.txt", CancellationToken.None);

        Assert.InRange(ExpiresSeconds(result.Value!.Url), 179, 181);
    }

    private static int ExpiresSeconds(Uri url) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(url.Query, "X-Amz-Expires=([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private (FileCatalog Catalog, CountingRoleAssumer Assumer) Create(TimeSpan? credentialLifetime = null, string? defaultPrefixes = null)
    {
        var aws = Options.Create(new AwsOptions
        {
            Region = "us-east-1",
            ServiceUrl = new Uri("http://127.0.0.1:9"),
            RoleArn = "arn:aws:iam:::role/r",
            S3MaxRetries = 0,
        });
        var files = Options.Create(new FilesOptions { Bucket = "filebridge-demo", DefaultPrefixes = defaultPrefixes });
        var handler = new ScriptedHttpHandler((request, _, _) =>
        {
            lock (_s3Requests)
            {
                _s3Requests.Add(request);
            }

            return Task.FromResult(_s3Answer(request));
        });
        var assumer = new CountingRoleAssumer(_time, credentialLifetime ?? TimeSpan.FromHours(1));
        var cache = new AssumedRoleCache(assumer, new S3ClientFactory(aws, new ScriptedHttpClientFactory(handler)), aws, _time, NullLogger<AssumedRoleCache>.Instance);
        var locations = FileLocations.From(files.Value, aws.Value);
        var gateway = new S3Gateway(cache, files, aws, _time, NullLogger<S3Gateway>.Instance);
        return (new FileCatalog(new AccessPolicy(locations, files), gateway, locations, _time, NullLogger<FileCatalog>.Instance), assumer);
    }
}
