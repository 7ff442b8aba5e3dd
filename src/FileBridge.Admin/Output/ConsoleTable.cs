namespace FileBridge.Admin.Output;

/// <summary>Plain-text columns separated by two spaces, header first, no trailing spaces.</summary>
public sealed class ConsoleTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void WriteTo(TextWriter writer)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteLine(writer, headers, widths);
        foreach (var row in _rows)
        {
            WriteLine(writer, row, widths);
        }
    }

    private static void WriteLine(TextWriter writer, string[] cells, int[] widths)
    {
        var padded = cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell.PadRight(widths[i]));
        writer.WriteLine(string.Join("  ", padded).TrimEnd());
    }
}
