using Azure;

namespace FileBridge.Core.Groups;

/// <summary>A row of the Groups table: a team and the grants its members get. <see cref="ETag"/> guards edits.</summary>
/// <param name="Id">The normalized group name (PartitionKey = RowKey).</param>
/// <param name="Prefixes">The <c>Prefixes</c> column as stored (same syntax as a user's); empty grants nothing.</param>
public sealed record AccessGroup(string Id, string DisplayName, IReadOnlyList<string> Prefixes, ETag ETag);
