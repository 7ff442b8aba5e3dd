using FileBridge.Admin.Output;

namespace FileBridge.Admin.Tests.Output;

public sealed class ConsoleTableTests
{
    [Fact]
    public void WriteTo_Rows_AlignsColumnsWithoutTrailingSpaces()
    {
        var table = new ConsoleTable("NAME", "DISPLAY NAME", "LAST");
        table.AddRow("alice", "A", "x");
        table.AddRow("bo", "Bo Brown", "");
        using var writer = new StringWriter { NewLine = "\n" };

        table.WriteTo(writer);

        Assert.Equal("NAME   DISPLAY NAME  LAST\nalice  A             x\nbo     Bo Brown\n", writer.ToString());
    }

    [Fact]
    public void AddRow_WrongCellCount_Throws()
    {
        var table = new ConsoleTable("A", "B");

        var error = Record.Exception(() => table.AddRow("only one"));

        Assert.IsType<ArgumentException>(error);
    }
}
