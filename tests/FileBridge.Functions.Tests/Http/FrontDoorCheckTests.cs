using System.ComponentModel.DataAnnotations;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Tests.Http;

public sealed class FrontDoorCheckTests
{
    private const string Id = "6f3c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f";

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData(Id, true)]
    [InlineData("6F3C1D2E-8A4B-4C5D-9E0F-1A2B3C4D5E6F", true)]
    public void Admits_WithoutRequiredId_AdmitsAnyRequest(string? header, bool expected)
    {
        var check = new FrontDoorCheck(Options.Create(new WebOptions()));

        Assert.Equal(expected, check.Admits(Request(header)));
    }

    [Theory]
    [InlineData(Id, true)]
    [InlineData("6F3C1D2E-8A4B-4C5D-9E0F-1A2B3C4D5E6F", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("00000000-0000-0000-0000-000000000000", false)]
    [InlineData(Id + ", " + Id, false)]
    [InlineData("not a guid", false)]
    public void Admits_WithRequiredId_AdmitsOnlyThatProfile(string? header, bool expected)
    {
        var check = new FrontDoorCheck(Options.Create(new WebOptions { RequiredFrontDoorId = Id }));

        Assert.Equal(expected, check.Admits(Request(header)));
    }

    [Fact]
    public void Admits_TheHeaderTwice_IsRefused()
    {
        var check = new FrontDoorCheck(Options.Create(new WebOptions { RequiredFrontDoorId = Id }));
        var context = new DefaultHttpContext();
        context.Request.Headers.Append(FrontDoorCheck.HeaderName, "00000000-0000-0000-0000-000000000000");
        context.Request.Headers.Append(FrontDoorCheck.HeaderName, Id);

        Assert.False(check.Admits(context.Request));
    }

    [Theory]
    [InlineData("front-door")]
    [InlineData("{6f3c1d2e-8a4b-4c5d}")]
    public void Validate_RequiredFrontDoorIdThatIsNoGuid_NamesTheSettingWithoutRepeatingIt(string value)
    {
        var options = new WebOptions { RequiredFrontDoorId = value };

        var errors = options.Validate(new ValidationContext(options)).ToList();

        var error = Assert.Single(errors);
        Assert.Contains("Web:RequiredFrontDoorId", error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RequiredFrontDoorIdGuid_IsValid()
    {
        var options = new WebOptions { RequiredFrontDoorId = Id };

        Assert.Empty(options.Validate(new ValidationContext(options)));
    }

    private static HttpRequest Request(string? frontDoorId)
    {
        var context = new DefaultHttpContext();
        if (frontDoorId is not null)
        {
            context.Request.Headers[FrontDoorCheck.HeaderName] = frontDoorId;
        }

        return context.Request;
    }
}
