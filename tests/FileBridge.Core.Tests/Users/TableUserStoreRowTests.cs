using Azure.Data.Tables;
using FileBridge.Core.Users;

namespace FileBridge.Core.Tests.Users;

/// <summary>How a Users row becomes an account: rows written before security stamps existed must keep loading.</summary>
public sealed class TableUserStoreRowTests
{
    [Fact]
    public void ToAccount_RowWithoutStampColumn_HasNoStamp()
    {
        var row = new TableEntity("old", "old") { ["PasswordHash"] = "hash", ["Disabled"] = false, ["Extra"] = "kept by merge" };

        var account = TableUserStore.ToAccount(row);

        Assert.Null(account.SecurityStamp);
        Assert.Equal("hash", account.PasswordHash);
    }

    [Fact]
    public void ToAccount_EmptyStamp_CountsAsNone()
    {
        var row = new TableEntity("old", "old") { ["PasswordHash"] = "hash", ["SecurityStamp"] = "" };

        var account = TableUserStore.ToAccount(row);

        Assert.Null(account.SecurityStamp);
    }

    [Fact]
    public void ToAccount_Stamp_IsRead()
    {
        var row = new TableEntity("new", "new") { ["PasswordHash"] = "hash", ["SecurityStamp"] = "0123456789abcdef0123456789abcdef" };

        var account = TableUserStore.ToAccount(row);

        Assert.Equal("0123456789abcdef0123456789abcdef", account.SecurityStamp);
    }

    [Fact]
    public void UserChange_DisplayNameLockoutOrGrants_KeepsSessions()
    {
        Assert.False(new UserChange(DisplayName: "Renamed", ResetLockout: true).EndsSessions);
        Assert.False(new UserChange(Prefixes: []).EndsSessions);
        Assert.False(new UserChange(Prefixes: ["shared/"]).EndsSessions);
        Assert.False(new UserChange(Groups: ["ops"]).EndsSessions);
    }

    [Fact]
    public void UserChange_PasswordDisabledOrRevoke_EndsSessions()
    {
        Assert.True(new UserChange(PasswordHash: "hash").EndsSessions);
        Assert.True(new UserChange(Disabled: true).EndsSessions);
        Assert.True(new UserChange(Disabled: false).EndsSessions);
        Assert.True(new UserChange(RevokeSessions: true).EndsSessions);
    }

    [Fact]
    public void ToAccount_GroupsColumn_IsNormalizedAndDistinct()
    {
        var row = new Azure.Data.Tables.TableEntity("ada", "ada") { ["Groups"] = " Ops ;ops;dev;;" };

        var account = TableUserStore.ToAccount(row);

        Assert.Equal(["ops", "dev"], account.Groups);
    }

    [Fact]
    public void ToAccount_NoGroupsColumn_IsInNoGroup()
    {
        var account = TableUserStore.ToAccount(new Azure.Data.Tables.TableEntity("ada", "ada"));

        Assert.Empty(account.Groups);
    }
}
