using FileBridge.Core.Files;

namespace FileBridge.Core.Tests.Files;

/// <summary>
/// Effective grants: the user's own and every group's, each with where it comes from (README.md, "Groups: access by
/// team").
/// </summary>
public sealed class EffectiveGrantsTests
{
    private static GrantList Group(string name, params string[] prefixes) => new(Grant.FromGroup(name), prefixes);

    [Fact]
    public void Resolve_OwnAndGroups_AddUpWithProvenance()
    {
        var scope = AccessScope.Resolve(["home/ada/"], [Group("ops", "logs/"), Group("dev", "builds/")], "public/");

        Assert.Equal(["builds/", "home/ada/", "logs/"], scope.Prefixes);
        Assert.Equal("group:ops", scope.Decide("logs/app/x.log").Grant!.From);
        Assert.Equal("group:dev", scope.Decide("builds/1/").Grant!.From);
        Assert.Equal("user", scope.Decide("home/ada/a.txt").Grant!.From);
        Assert.False(scope.FromDefaults);
        Assert.False(scope.Allows("public/readme.txt"));
    }

    [Fact]
    public void Resolve_SameFolderFromUserAndGroup_IsExplainedByTheUserFirstThenByGroupName()
    {
        var own = AccessScope.Resolve(["logs/"], [Group("ops", "logs/")], null);
        var groups = AccessScope.Resolve(null, [Group("zeta", "logs/"), Group("alpha", "logs/")], null);

        Assert.Equal("user", own.Decide("logs/a").Grant!.From);
        Assert.Equal("group:alpha", groups.Decide("logs/a").Grant!.From);
    }

    [Fact]
    public void Resolve_NothingOwnNorFromGroups_UsesDefaults()
    {
        var scope = AccessScope.Resolve(null, [Group("empty")], "public/");

        Assert.True(scope.FromDefaults);
        Assert.Equal("default", scope.Decide("public/a").Grant!.From);
    }

    [Fact]
    public void Resolve_GroupGrants_DefaultsDoNotApply()
    {
        var scope = AccessScope.Resolve([], [Group("ops", "logs/")], "public/");

        Assert.False(scope.Allows("public/a"));
        Assert.True(scope.Allows("logs/a"));
    }

    [Fact]
    public void Resolve_StarAloneInOneGroupsRow_GrantsEverythingFromThatGroup()
    {
        var scope = AccessScope.Resolve(["home/ada/"], [Group("admins", "*")], null);

        Assert.True(scope.IsEverything);
        Assert.Equal("group:admins", scope.Decide("anything/at/all").Grant!.From);
    }

    [Fact]
    public void Resolve_StarInsideAGroupsList_StillGrantsNothingForIt()
    {
        var scope = AccessScope.Resolve(null, [Group("ops", "*", "logs/"), Group("dev", "builds/")], "public/");

        Assert.False(scope.IsEverything);
        Assert.False(scope.Allows("secret/x"));
        Assert.True(scope.Allows("logs/x"));
        Assert.True(scope.Allows("builds/x"));
    }

    [Fact]
    public void Resolve_StarAcrossTwoRows_IsNotEverythingUnlessOneRowHoldsItAlone()
    {
        var scope = AccessScope.Resolve(["*", "home/"], [Group("ops", "logs/", "*")], null);

        Assert.False(scope.IsEverything);
        Assert.Equal(["home/", "logs/"], scope.Prefixes);
    }

    [Fact]
    public void Resolve_GroupPrefixIamWouldMisread_GrantsNothingForIt()
    {
        var scope = AccessScope.Resolve(null, [Group("ops", "logs*/", "a/${aws:userid}/", "what?/")], "public/");

        Assert.True(scope.GrantsNothing);
        Assert.False(scope.Allows("logs/x"));
    }

    [Fact]
    public void Decide_Refused_NamesTheNearestGrantsWithTheirProvenance()
    {
        var scope = AccessScope.Resolve(["home/ada/"], [Group("ops", "logs/app/")], null);

        var decision = scope.Decide("logs/db/x.log");

        Assert.False(decision.Allowed);
        Assert.Equal([new Grant("logs/app/", "group:ops")], decision.Nearest);
    }
}
