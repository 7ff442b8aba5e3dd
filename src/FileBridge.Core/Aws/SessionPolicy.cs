using System.Text;
using System.Text.Json;
using FileBridge.Core.Files;

namespace FileBridge.Core.Aws;

/// <summary>
/// The inline session policy for a user limited to prefixes. AWS intersects it with the role's own policy,
/// so the credentials handed to S3 cannot reach beyond the user's prefixes even if the app had a bug.
/// </summary>
public static class SessionPolicy
{
    /// <summary>
    /// The most characters of session policy AWS accepts (AssumeRole and AssumeRoleWithWebIdentity alike), counted
    /// on the policy text as sent: JSON escapes count as the characters they are written with.
    /// </summary>
    public const int MaxLength = 2048;

    /// <summary>
    /// Compact JSON (the local RGW endpoint does not accept form-encoded spaces), or null for the whole bucket. The
    /// writer escapes non-ASCII and HTML-sensitive characters, so the string's length is what AWS counts.
    /// </summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="prefixes">Folder prefixes ending in '/'; empty means the whole bucket and no session policy.</param>
    public static string? Build(string bucket, IReadOnlyCollection<string> prefixes)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentNullException.ThrowIfNull(prefixes);
        if (prefixes.Count == 0)
        {
            return null;
        }

        // IAM reads '*', '?' and '${' in a resource or condition; AccessScope never lets them through, and a policy
        // that would grant more than the app's own check must not be built even if a caller got that wrong.
        if (prefixes.FirstOrDefault(p => PrefixGrant.Check(p).Error is not null) is { } refused)
        {
            throw new ArgumentException($"'{refused}' cannot be granted in a session policy.", nameof(prefixes));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Version", "2012-10-17");
            json.WriteStartArray("Statement");

            json.WriteStartObject();
            json.WriteString("Sid", "ListOwnPrefixes");
            json.WriteString("Effect", "Allow");
            json.WriteString("Action", "s3:ListBucket");
            json.WriteString("Resource", $"arn:aws:s3:::{bucket}");
            json.WritePropertyName("Condition");
            json.WriteStartObject();
            json.WritePropertyName("StringLike");
            json.WriteStartObject();
            json.WriteStartArray("s3:prefix");
            foreach (var prefix in prefixes)
            {
                // The folder itself (its first page) and anything below it; '*' in StringLike also matches "".
                json.WriteStringValue(prefix);
                json.WriteStringValue(prefix + "*");
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject();
            json.WriteString("Sid", "ReadOwnPrefixes");
            json.WriteString("Effect", "Allow");
            json.WriteString("Action", "s3:GetObject");
            json.WriteStartArray("Resource");
            foreach (var prefix in prefixes)
            {
                json.WriteStringValue($"arn:aws:s3:::{bucket}/{prefix}*");
            }

            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
