using FileBridge.Core.Audit;
using FileBridge.Core.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FileBridge.Core.Tests.Audit;

public sealed class AuditGatheringTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NotPositive_Throws(int milliseconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuditGathering(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void AddFileBridgeAudit_Default_GathersAQuarterSecond()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        builder.AddFileBridgeAudit();

        using var provider = builder.Services.BuildServiceProvider();
        Assert.Equal(TimeSpan.FromMilliseconds(250), provider.GetRequiredService<AuditGathering>().Period);
    }

    [Fact]
    public void AddFileBridgeAudit_GatheringRegisteredBefore_IsKept()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var shorter = new AuditGathering(TimeSpan.FromMilliseconds(10));
        builder.Services.AddSingleton(shorter);

        builder.AddFileBridgeAudit();

        using var provider = builder.Services.BuildServiceProvider();
        Assert.Same(shorter, provider.GetRequiredService<AuditGathering>());
    }
}
