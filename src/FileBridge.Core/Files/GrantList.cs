namespace FileBridge.Core.Files;

/// <summary>One stored list of grants as written (a <c>Prefixes</c> column or <c>Files:DefaultPrefixes</c>) and where it comes from.</summary>
/// <param name="From">See <see cref="Grant.From"/>.</param>
/// <param name="Entries">The entries as stored; <c>*</c> grants everything only when it stands alone in one list.</param>
public sealed record GrantList(string From, IReadOnlyList<string> Entries);
