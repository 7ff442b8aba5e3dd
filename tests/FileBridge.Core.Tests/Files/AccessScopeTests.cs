using FileBridge.Core.Files;

namespace FileBridge.Core.Tests.Files;

public sealed class AccessScopeTests
{
    [Fact]
    public void From_Nothing_GrantsNothing()
    {
        var scope = AccessScope.From([]);

        Assert.True(scope.GrantsNothing);
        Assert.False(scope.IsEverything);
        Assert.False(scope.Allows("anything/at/all.txt"));
        Assert.False(scope.Allows(""));
    }

    [Theory]
    [InlineData("*")]
    [InlineData(" * ")]
    public void From_StarAlone_IsEverything(string entry)
    {
        var scope = AccessScope.From([entry]);

        Assert.True(scope.IsEverything);
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

        Assert.False(scope.IsEverything);
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
    public void From_FoldersThatSortBetweenAFolderAndItsChildren_KeepsEveryOutermostFolder()
    {
        // '-' sorts before '/', and "a/bc/" sorts after "a/b/c/" without lying inside "a/b/".
        var scope = AccessScope.From(["a/b/c/", "a-b/", "a/bc/", "a/b/", "x/", "a-b/c/"]);

        Assert.Equal(["a-b/", "a/b/", "a/bc/", "x/"], scope.Prefixes);
    }

    [Fact]
    public void From_HundredsOfRandomFolders_KeepsExactlyThoseNoOtherFolderContains()
    {
        var random = new Random(20261203);
        var names = new[] { "a", "b", "a-b", "ab", "a.b" };
        var folders = Enumerable.Range(0, 400)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => names[random.Next(names.Length)] + "/")))
            .ToList();

        var scope = AccessScope.From(folders);

        var expected = folders.Distinct()
            .Where(f => !folders.Any(other => other != f && f.StartsWith(other, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, scope.Prefixes);
    }

    [Fact]
    public void From_OnlyInvalidPrefixes_GrantsNothing()
    {
        var scope = AccessScope.From(["../etc/", "/abs/"]);

        Assert.True(scope.GrantsNothing);
        Assert.False(scope.IsEverything);
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

    [Fact]
    public void Decide_InsideAGrant_NamesTheGrantAndWhereItComesFrom()
    {
        var scope = AccessScope.Of([new GrantList(Grant.FromUser, ["home/ada/"]), new GrantList(Grant.FromGroup("ops"), ["logs/"])]);

        var decision = scope.Decide("logs/2024/app.log");

        Assert.True(decision.Allowed);
        Assert.Equal(new Grant("logs/", "group:ops"), decision.Grant);
        Assert.Empty(decision.Nearest);
    }

    [Fact]
    public void Decide_Refused_ListsTheGrantsSharingTheMostFolders()
    {
        var scope = AccessScope.From(["logs/2024/", "logs/2025/", "home/ada/"]);

        var decision = scope.Decide("logs/2023/app.log");

        Assert.False(decision.Allowed);
        Assert.Null(decision.Grant);
        Assert.Equal(["logs/2024/", "logs/2025/"], decision.Nearest.Select(g => g.Prefix));
    }

    [Fact]
    public void Decide_RefusedAndNothingShared_ListsEveryGrant()
    {
        var decision = AccessScope.From(["logs/", "home/ada/"]).Decide("projects/x.txt");

        Assert.Equal(["home/ada/", "logs/"], decision.Nearest.Select(g => g.Prefix));
    }

    [Fact]
    public void Of_StarAloneInOneList_IsEverythingFromThatList()
    {
        var scope = AccessScope.Of([new GrantList(Grant.FromUser, ["home/ada/"]), new GrantList(Grant.FromGroup("admins"), ["*"])]);

        Assert.True(scope.IsEverything);
        Assert.Equal(new Grant("*", "group:admins"), scope.Decide("anything.txt").Grant);
    }

    [Fact]
    public void Of_StarInsideAList_GrantsNothingForIt()
    {
        var scope = AccessScope.Of([new GrantList(Grant.FromGroup("ops"), ["*", "logs/"])]);

        Assert.False(scope.IsEverything);
        Assert.Equal(["logs/"], scope.Prefixes);
    }

    [Fact]
    public void Of_SameFolderFromTwoLists_KeepsTheFirstSource()
    {
        var scope = AccessScope.Of([new GrantList(Grant.FromUser, ["logs/"]), new GrantList(Grant.FromGroup("ops"), ["logs/", "logs/app/"])]);

        Assert.Equal([new Grant("logs/", Grant.FromUser)], scope.Grants);
    }

    [Theory]
    [InlineData(null, "shared/", true)]
    [InlineData(new string[0], "shared/", true)]
    [InlineData(new[] { "home/ada/" }, "shared/", false)]
    public void Resolve_OwnGrantsElseDefaults(string[]? own, string defaults, bool fromDefaults)
    {
        var scope = AccessScope.Resolve(own, defaults);

        Assert.Equal(fromDefaults, scope.FromDefaults);
        Assert.Equal(fromDefaults ? Grant.FromDefault : Grant.FromUser, Assert.Single(scope.Grants).From);
    }

    [Fact]
    public void Resolve_NoOwnGrantsAndNoDefaults_GrantsNothing()
    {
        var scope = AccessScope.Resolve(null, "");

        Assert.True(scope.GrantsNothing);
        Assert.True(scope.FromDefaults);
        Assert.False(scope.Allows(""));
    }
}
