using FileBridge.Core.Files;

namespace FileBridge.Admin.Output;

/// <summary>One effective grant as <c>--json</c> prints it: <c>{"grant":"logs/","from":"group:ops"}</c>.</summary>
public sealed record GrantJson(string Grant, string From)
{
    public static GrantJson Of(Grant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return new GrantJson(grant.Prefix, grant.From);
    }
}
