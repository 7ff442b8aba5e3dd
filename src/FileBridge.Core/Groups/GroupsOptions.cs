using System.ComponentModel.DataAnnotations;
using FileBridge.Core.Storage;

namespace FileBridge.Core.Groups;

/// <summary>The <c>Groups</c> settings section: where teams and their grants are kept (same storage account as the users).</summary>
public sealed class GroupsOptions
{
    public const string SectionName = "Groups";

    [Required(ErrorMessage = "Groups:TableName is required.")]
    [RegularExpression(TableNames.Pattern, ErrorMessage = "Groups:TableName must be 3-63 letters or digits, starting with a letter.")]
    public string TableName { get; set; } = "Groups";
}
