using FileBridge.Core.Aws;
using FileBridge.Core.Files;

namespace FileBridge.Core.Tests.Aws;

public sealed class SessionPolicyPackMemoTests
{
    private static readonly FileLocation Logs = new("logs", "acme-logs", "", "arn:aws:iam::111111111111:role/reader", "eu-west-1");

    private static readonly List<string> TwoHundredGrants = Enumerable.Range(0, 200).Select(i => $"team-{i:D4}/").ToList();

    [Fact]
    public void Pack_SamePrefixesAgain_AnswersTheRememberedPacks()
    {
        var memo = new SessionPolicyPackMemo();

        var first = memo.Pack(Logs, TwoHundredGrants, splits: null);
        var again = memo.Pack(Logs, TwoHundredGrants.ToList(), splits: null);

        Assert.Same(first, again);
        Assert.Equal(SessionPolicyPacks.Pack(Logs.Bucket, TwoHundredGrants), first);
    }

    [Fact]
    public void Pack_SamePrefixesInAnotherBucket_PacksForThatBucket()
    {
        var memo = new SessionPolicyPackMemo();
        var other = Logs with { Name = "archive", Bucket = "acme-archive-with-a-much-longer-bucket-name" };

        memo.Pack(Logs, TwoHundredGrants, splits: null);
        var packs = memo.Pack(other, TwoHundredGrants, splits: null);

        Assert.Equal(SessionPolicyPacks.Pack(other.Bucket, TwoHundredGrants), packs);
    }

    [Fact]
    public void Pack_AfterARefusal_PacksAgainAndSplitsTheRefusedPack()
    {
        var memo = new SessionPolicyPackMemo();
        var splits = new PolicyPackSplits();
        var prefixes = new List<string> { "a/", "b/", "c/", "d/" };
        var whole = memo.Pack(Logs, prefixes, splits);

        splits.Refused(new RoleRequest("ada", whole[0], Logs));

        Assert.Equal([["a/", "b/"], ["c/", "d/"]], memo.Pack(Logs, prefixes, splits));
    }

    [Fact]
    public void Pack_ManyDistinctPrefixSets_StaysBounded()
    {
        var memo = new SessionPolicyPackMemo();

        for (var i = 0; i < (SessionPolicyPackMemo.MaxEntries * 2) + 10; i++)
        {
            memo.Pack(Logs, [$"person-{i}/"], splits: null);
        }

        Assert.InRange(memo.Count, 1, SessionPolicyPackMemo.MaxEntries);
    }
}
