using FileBridge.Core.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Files;

/// <summary>
/// How the download route hands out a link: a 302 to it (the default, for links people follow), or with
/// <c>redirect=false</c> the link itself as 200 <c>{"url","expiresAt"}</c>, for a page that checks the answer
/// before it opens the link.
/// </summary>
public sealed class DownloadAnswer
{
    private static readonly DownloadAnswer Redirect = new(asJson: false);
    private static readonly DownloadAnswer Json = new(asJson: true);

    private readonly bool _asJson;

    private DownloadAnswer(bool asJson) => _asJson = asJson;

    /// <summary>The status the answer carries, and so the status its audit row records.</summary>
    public int Status => _asJson ? StatusCodes.Status200OK : StatusCodes.Status302Found;

    /// <summary>Reads the <c>redirect</c> query parameter: absent or <c>true</c> redirects, <c>false</c> answers JSON.</summary>
    public static bool TryParse(string? value, out DownloadAnswer answer)
    {
        answer = value switch
        {
            null or "" or "true" => Redirect,
            "false" => Json,
            _ => null!,
        };
        return answer is not null;
    }

    public IActionResult For(DownloadLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return _asJson
            ? new OkObjectResult(new { url = link.Url.AbsoluteUri, expiresAt = link.ExpiresAt })
            : new RedirectResult(link.Url.AbsoluteUri, permanent: false);
    }
}
