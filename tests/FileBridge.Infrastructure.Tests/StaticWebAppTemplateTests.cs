namespace FileBridge.Infrastructure.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class StaticWebAppTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Fact]
    public void StaticWebApp_Sku_IsStandard()
    {
        var site = _template.Single("Microsoft.Web/staticSites");

        var sku = site.Node["sku"]!;

        Assert.Equal("Standard", sku["name"].Text());
        Assert.Equal("Standard", sku["tier"].Text());
    }

    [Fact]
    public void LinkedBackend_Target_IsTheFunctionApp()
    {
        var backend = _template.Single("Microsoft.Web/staticSites/linkedBackends");

        var (_, target) = backend.Deployment.Trace(backend.Properties["backendResourceId"]);
        var (_, region) = backend.Deployment.Trace(backend.Properties["region"]);

        Assert.Contains("'function-app'", target.Text(), StringComparison.Ordinal);
        Assert.EndsWith(".outputs.id.value]", target.Text(), StringComparison.Ordinal);
        Assert.EndsWith(".outputs.location.value]", region.Text(), StringComparison.Ordinal);
    }
}
