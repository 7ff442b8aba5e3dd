using FileBridge.Core.Files;

namespace FileBridge.Core.Tests.Files;

public sealed class AccessScopeTests
{
    [Fact]
    public void From_Nothing_GrantsNothing()
    {
        var scope = AccessScope.From([]);

        Assert.True(scope.GrantsNothing);
        Assert.False(scope.IsWholeBucket);
        Assert.False(scope.Allows("anything/at/all.txt"));
        Assert.False(scope.Allows(""));
    }

    [Theory]
    [InlineData("*")]
    [InlineData(" * ")]
    public void From_StarAlone_IsTheWholeBucket(string entry)
    {
        var scope = AccessScope.From([entry]);

        Assert.True(scope.IsWholeBucket);
        Assert.Empty(scope.Prefixes);
        Assert.True(scope.Allows("anything/at/all.txt"));
    }

    [Theory]
    [InlineData("proj*/")]
    [InlineData("a/${aws:userid}/")]
    [InlineData("what?/")]
    [InlineData("a/*")]
    [InlineData("/")]
    public void From_PrefixIamWouldReadDifferently_GrantsNothing(string entry)
    {
        var scope = AccessScope.From([entry]);

        Assert.True(scope.GrantsNothing);
        Assert.False(scope.Allows("proj-x/file.txt"));
        Assert.False(scope.Allows("a/b/file.txt"));
    }

    [Fact]
    public void From_StarBesideAFolder_GrantsOnlyTheFolder()
    {
        var scope = AccessScope.From(["*", "shared/"]);

        Assert.False(scope.IsWholeBucket);
        Assert.Equal(["shared/"], scope.Prefixes);
    }

    [Fact]
    public void From_RefusedEntryBesideAValidOne_KeepsTheValidOne()
    {
        var scope = AccessScope.From(["proj*/", "home/alice/"]);

        Assert.Equal(["home/alice/"], scope.Prefixes);
    }

    [Fact]
    public void Allows_KeyWithWildcardCharactersInsideAGrantedFolder_IsAllowed()
    {
        var scope = AccessScope.From(["home/alice/"]);

        Assert.True(scope.Allows("home/alice/proj*/a?b ${x}.txt"));
    }

    [Fact]
    public void From_PrefixWithoutSlash_BecomesAFolder()
    {
        var scope = AccessScope.From(["home/alice"]);

        Assert.Equal(["home/alice/"], scope.Prefixes);
        Assert.True(scope.Allows("home/alice/todo.txt"));
        Assert.False(scope.Allows("home/alice-private/secret.txt"));
        Assert.False(scope.Allows("home/"));
    }

    [Fact]
    public void From_NestedAndDuplicatePrefixes_KeepsTheOutermostSorted()
    {
        var scope = AccessScope.From(["shared/", "home/alice/notes/", "home/alice/", "shared/"]);

        Assert.Equal(["home/alice/", "shared/"], scope.Prefixes);
    }

    [Fact]
    public void From_OnlyInvalidPrefixes_GrantsNothing()
    {
        var scope = AccessScope.From(["../etc/", "/abs/"]);

        Assert.True(scope.GrantsNothing);
        Assert.False(scope.IsWholeBucket);
        Assert.False(scope.Allows("README.txt"));
        Assert.Empty(scope.FoldersLeadingFrom(""));
    }

    [Theory]
    [InlineData("", new[] { "home", "shared" })]
    [InlineData("home/", new[] { "alice" })]
    [InlineData("projects/", new string[0])]
    [InlineData("home/bob/", new string[0])]
    public void FoldersLeadingFrom_ShowsOnlyThePathTowardsAllowedPrefixes(string prefix, string[] expectedNames)
    {
        var scope = AccessScope.From(["home/alice/", "shared/handbook/"]);

        var folders = scope.FoldersLeadingFrom(prefix);

        Assert.Equal(expectedNames, folders.Select(S3Paths.LastSegment).ToArray());
        Assert.All(folders, f => Assert.StartsWith(prefix, f, StringComparison.Ordinal));
    }
}
