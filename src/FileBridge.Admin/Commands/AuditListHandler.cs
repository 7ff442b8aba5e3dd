using System.Globalization;
using System.Text.Json;
using FileBridge.Admin.Cli;
using FileBridge.Admin.Output;
using FileBridge.Core.Audit;
using FileBridge.Core.Users;
using Microsoft.Extensions.Options;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>audit list</c>: rows newest first, read day partition by day partition from today back to <c>--since</c>,
/// stopping once <c>--limit</c> rows are found; never a scan of the whole table.
/// </summary>
public sealed class AuditListHandler(AuditTable table, IOptions<AuditOptions> options, TimeProvider time, AdminConsole console)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task<int> RunAsync(AuditListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Limit is < 1 or > MaxLimit)
        {
            throw new AdminInputException($"--limit must be from 1 to {MaxLimit}.");
        }

        var now = time.GetUtcNow();
        var oldest = request.Since is null ? now.AddDays(-options.Value.RetentionDays) : ParseDay(request.Since);
        var userId = request.User is { } user ? UserName.Normalize(user) : null;
        var action = request.Action is { } given ? given.Trim() : null;

        // One row past the limit tells whether the listing stopped at it or ran out of rows.
        var rows = new List<AuditRecord>();
        await foreach (var row in table.ReadAsync(now, oldest, userId, action, request.Limit + 1, cancellationToken))
        {
            rows.Add(row);
            if (rows.Count > request.Limit)
            {
                break;
            }
        }

        var stoppedAtLimit = rows.Count > request.Limit;
        if (stoppedAtLimit)
        {
            rows.RemoveAt(rows.Count - 1);
            // On standard error, so --json output stays one row per line.
            console.Error.WriteLine($"Stopped at --limit {request.Limit}: older rows match too (raise --limit or narrow --since).");
        }

        if (request.Json)
        {
            foreach (var row in rows)
            {
                console.Out.WriteLine(JsonSerializer.Serialize(row, JsonOptions));
            }

            return ExitCodes.Success;
        }

        if (rows.Count == 0)
        {
            console.Error.WriteLine("No audit rows match.");
            return ExitCodes.Success;
        }

        var output = new ConsoleTable("TIME (UTC)", "ACTION", "USER", "TARGET", "OUTCOME", "CLIENT", "ROLE SESSION", "REQUEST");
        foreach (var row in rows)
        {
            output.AddRow(
                row.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                row.Action,
                row.UserId ?? "-",
                row.Target ?? "-",
                row.Outcome ?? "-",
                row.ClientAddress ?? "-",
                row.RoleSessionName ?? "-",
                row.RequestId ?? "-");
        }

        output.WriteTo(console.Out);
        return ExitCodes.Success;
    }

    private static DateTimeOffset ParseDay(string since) =>
        DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : throw new AdminInputException($"--since must be a day written yyyy-MM-dd, e.g. 2026-01-31; '{since}' is not.");
}
