namespace FileBridge.Admin.Output;

/// <summary>Where handlers write: results to <see cref="Out"/>, prompts and notes to <see cref="Error"/>.</summary>
public sealed record AdminConsole(TextWriter Out, TextWriter Error);
